namespace IntegrationHub.Connectors.Sandboxing;

/// <summary>Draws faults for a sandbox and counts them. Thread-safe; options can be changed while running.</summary>
public sealed class SandboxFaultInjector(SandboxFaultOptions options)
{
    private readonly Random _random = options.Seed == 0 ? new Random() : new Random(options.Seed);
    private readonly Lock _lock = new();
    private readonly Dictionary<SandboxFaultKind, int> _counts = [];

    public SandboxFaultOptions Options { get; } = options;

    public SandboxFaultKind Draw()
    {
        var o = Options;
        lock (_lock)
        {
            if (o.FailureRate <= 0 || _random.NextDouble() >= o.FailureRate)
            {
                return SandboxFaultKind.None;
            }

            var weights = new (SandboxFaultKind Kind, int Weight)[]
            {
                (SandboxFaultKind.ServerError, o.ServerErrorWeight),
                (SandboxFaultKind.TooManyRequests, o.TooManyRequestsWeight),
                (SandboxFaultKind.Timeout, o.TimeoutWeight),
                (SandboxFaultKind.Slow, o.SlowWeight),
                (SandboxFaultKind.Malformed, o.MalformedWeight),
            };
            var total = weights.Sum(w => w.Weight);
            if (total == 0)
            {
                return SandboxFaultKind.None;
            }

            var pick = _random.Next(total);
            foreach (var (kind, weight) in weights)
            {
                if (pick < weight)
                {
                    _counts[kind] = _counts.GetValueOrDefault(kind) + 1;
                    return kind;
                }

                pick -= weight;
            }

            return SandboxFaultKind.None;
        }
    }

    public IReadOnlyDictionary<SandboxFaultKind, int> Counts()
    {
        lock (_lock)
        {
            return new Dictionary<SandboxFaultKind, int>(_counts);
        }
    }
}
