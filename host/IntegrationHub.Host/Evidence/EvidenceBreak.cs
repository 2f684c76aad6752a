namespace IntegrationHub.Host.Evidence;

/// <summary>Where the evidence no longer matches: a chain's first broken link (with its message and log line) or a
/// signed head that does not verify.</summary>
public sealed record EvidenceBreak(int? Chain, long? Seq, long? MessageId, long? LogId, long? HeadId, string Problem)
{
    public string Subject => HeadId is { } head
        ? $"Evidence log: signed head {head} does not verify"
        : $"Evidence log: chain {Chain} broken at link {Seq}" + (MessageId is { } message ? $" (message {message}, log line {LogId})" : "");

    public string Reference => HeadId is { } head ? $"head {head}" : $"chain {Chain} seq {Seq}";
}
