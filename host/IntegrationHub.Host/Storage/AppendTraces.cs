namespace IntegrationHub.Host.Storage;

/// <summary>The trace context of each record appended as a message (in the records' order), and what the append made
/// of them: which became messages (unchanged records do not) and how many of those are dead letters at once.</summary>
public sealed class AppendTraces(IReadOnlyList<string?> traceParents)
{
    public IReadOnlyList<string?> TraceParents { get; } = traceParents;

    /// <summary>The trace parents stored with new messages.</summary>
    public IReadOnlySet<string> Stored { get; internal set; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>New messages the hub could not store as they are (dead letters from the start).</summary>
    public int DeadLettered { get; internal set; }
}
