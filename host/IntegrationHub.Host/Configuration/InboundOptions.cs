namespace IntegrationHub.Host.Configuration;

/// <summary>The inbound gateway (<c>Inbound</c> section): partners that push messages and the limits that protect the hub.</summary>
public sealed class InboundOptions
{
    public const string Section = "Inbound";

    /// <summary>Larger bodies are refused with 413 before they are read to the end.</summary>
    public int MaxBodyBytes { get; set; } = 256 * 1024;

    /// <summary>Deepest element nesting a SOAP body may have (the envelope is level 1, a Submit field level 5). Checked
    /// while the body is streamed, before anything else parses it, so a deeper body costs no more than one this deep.</summary>
    public int MaxXmlDepth { get; set; } = 32;

    /// <summary>How far a request's timestamp may be from the hub's clock. Nonces are remembered twice as long.</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Received messages not yet routed into their flow; above it the gateway answers 503.</summary>
    public int MaxInboxDepth { get; set; } = 200_000;

    /// <summary>Requests waiting for a commit; above it the gateway answers 503 at once instead of queueing.</summary>
    public int MaxQueuedRequests { get; set; } = 20_000;

    /// <summary>Messages committed together (group commit): one transaction and one WAL flush for many requests.</summary>
    public int CommitBatchSize { get; set; } = 256;

    /// <summary>Concurrent commit loops, each with its own connection. One loop makes the biggest batches: on the 2-core
    /// benchmark machine 1 loop accepted 8,966 msgs/s and 2 loops 7,466 (bench/run-inbound-bench.sh). More loops help
    /// only when a commit's flush, not CPU, is the limit.</summary>
    public int Writers { get; set; } = 1;

    /// <summary>Seconds a 503 asks the client to wait (Retry-After).</summary>
    public int RetryAfterSeconds { get; set; } = 5;

    /// <summary>How long a commit may take before the request is answered 503 (the message may still land: the
    /// client's retry with the same message id then gets the original receipt).</summary>
    public TimeSpan CommitTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Received messages moved into their flows per transaction.</summary>
    public int RouteBatchSize { get; set; } = 1000;

    /// <summary>Off: messages are received and kept, but not moved into their flows (maintenance; the inbox fills
    /// up to <see cref="MaxInboxDepth"/>, then pushes get 503).</summary>
    public bool RoutingEnabled { get; set; } = true;

    /// <summary>Readiness reports Degraded when the oldest message a flow reads has waited longer than this to be routed
    /// (or when messages are parked).</summary>
    public TimeSpan RoutingStallAge { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>An alert is raised (one per incident) when the oldest message a flow reads has waited longer than this.</summary>
    public TimeSpan UnroutedAlertAge { get; set; } = TimeSpan.FromMinutes(10);

    public Dictionary<string, InboundPartnerOptions> Partners { get; set; } = new(StringComparer.Ordinal);
}
