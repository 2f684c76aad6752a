namespace IntegrationHub.Connectors.Sandboxing;

/// <summary>
/// The idempotency keys a sandbox applied and what each of its write streams was sent, per stream: a write whose key
/// was applied before is a repeat and changes nothing, so the same batch written twice is applied once. Only an applied
/// write's key is remembered: a refused write sent again once its cause is gone is applied then. A write without a key
/// is applied every time (a sandbox must not hide a client that forgets its keys). Thread-safe.
/// <para>Use <see cref="Write"/> (the check and the apply in one step), or, for a sandbox whose state already sits
/// behind its own lock, <see cref="IsApplied"/> and <see cref="Record"/> under that lock.</para>
/// </summary>
public sealed class SandboxIdempotencyBook
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, StreamBook> _streams = new(StringComparer.Ordinal);

    /// <summary>Records one write of <paramref name="stream"/>: a repeat when its key was applied before (then
    /// <paramref name="apply"/> is not called), else what <paramref name="apply"/> says. <paramref name="apply"/> runs
    /// under the book's lock, so two writes with one key cannot both apply; it must not wait for another thread.</summary>
    public SandboxWriteOutcome Write(string stream, string? idempotencyKey, Func<SandboxWriteOutcome> apply)
    {
        ArgumentNullException.ThrowIfNull(apply);
        lock (_lock)
        {
            var outcome = idempotencyKey is not null && IsAppliedLocked(stream, idempotencyKey) ? SandboxWriteOutcome.Repeated : apply();
            RecordLocked(stream, idempotencyKey, outcome);
            return outcome;
        }
    }

    /// <summary>Whether a write with this key was applied on the stream.</summary>
    public bool IsApplied(string stream, string idempotencyKey)
    {
        lock (_lock)
        {
            return IsAppliedLocked(stream, idempotencyKey);
        }
    }

    /// <summary>Counts one write of the stream and, when it was applied, remembers its key.</summary>
    public void Record(string stream, string? idempotencyKey, SandboxWriteOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(stream);
        lock (_lock)
        {
            RecordLocked(stream, idempotencyKey, outcome);
        }
    }

    private void RecordLocked(string stream, string? idempotencyKey, SandboxWriteOutcome outcome)
    {
        if (!_streams.TryGetValue(stream, out var book))
        {
            _streams[stream] = book = new StreamBook();
        }

        book.Received++;
        switch (outcome)
        {
            case SandboxWriteOutcome.Applied:
                book.Applied++;
                if (idempotencyKey is not null)
                {
                    book.Keys.Add(idempotencyKey);
                }

                break;
            case SandboxWriteOutcome.Repeated:
                book.Repeated++;
                break;
            default:
                book.Refused++;
                break;
        }
    }

    /// <summary>Per stream, in name order; a stream appears once it received a write.</summary>
    public IReadOnlyDictionary<string, SandboxStreamStats> Stats()
    {
        lock (_lock)
        {
            return _streams.OrderBy(s => s.Key, StringComparer.Ordinal).ToDictionary(
                s => s.Key,
                s => new SandboxStreamStats(s.Value.Received, s.Value.Applied, s.Value.Keys.Count, s.Value.Repeated, s.Value.Refused),
                StringComparer.Ordinal);
        }
    }

    /// <summary>One stream's stats; zeros when it received nothing.</summary>
    public SandboxStreamStats Stats(string stream) =>
        Stats().TryGetValue(stream, out var stats) ? stats : new SandboxStreamStats(0, 0, 0, 0, 0);

    private bool IsAppliedLocked(string stream, string idempotencyKey) =>
        _streams.TryGetValue(stream, out var book) && book.Keys.Contains(idempotencyKey);

    private sealed class StreamBook
    {
        public HashSet<string> Keys { get; } = new(StringComparer.Ordinal);

        public int Received { get; set; }

        public int Applied { get; set; }

        public int Repeated { get; set; }

        public int Refused { get; set; }
    }
}
