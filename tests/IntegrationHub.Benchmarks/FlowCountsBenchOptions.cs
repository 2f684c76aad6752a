namespace IntegrationHub.Benchmarks;

/// <summary>Flow-counts mode's command line: <c>--messages N</c> (history to seed, default 10,000,000), <c>--requests N</c>
/// (timed GET /api/flows per phase, default 1,000), <c>--warmup N</c> (untimed first, default 200), <c>--chunk N</c> (rows per
/// COPY statement, default 500,000), <c>--timeout-minutes M</c> (default 120), <c>--host-dll PATH</c>.</summary>
internal sealed record FlowCountsBenchOptions(int Messages, int Requests, int Warmup, int Chunk, TimeSpan Timeout, string? HostDll)
{
    public const string Usage =
        "usage: IntegrationHub.Benchmarks flow-counts [--messages N] [--requests N] [--warmup N] [--chunk N] [--timeout-minutes M] [--host-dll PATH]";

    public static FlowCountsBenchOptions Parse(IReadOnlyList<string> args)
    {
        var options = new FlowCountsBenchOptions(10_000_000, 1_000, 200, 500_000, TimeSpan.FromMinutes(120), null);
        for (var i = 0; i < args.Count; i++)
        {
            options = args[i] switch
            {
                "--messages" => options with { Messages = BenchArguments.PositiveInt(args, ++i, Usage) },
                "--requests" => options with { Requests = BenchArguments.PositiveInt(args, ++i, Usage) },
                "--warmup" => options with { Warmup = BenchArguments.PositiveInt(args, ++i, Usage) },
                "--chunk" => options with { Chunk = BenchArguments.PositiveInt(args, ++i, Usage) },
                "--timeout-minutes" => options with { Timeout = TimeSpan.FromMinutes(BenchArguments.PositiveInt(args, ++i, Usage)) },
                "--host-dll" => options with { HostDll = BenchArguments.Value(args, ++i, Usage) },
                _ => throw new BenchmarkException($"Unknown argument '{args[i]}'. {Usage}"),
            };
        }

        return options;
    }
}
