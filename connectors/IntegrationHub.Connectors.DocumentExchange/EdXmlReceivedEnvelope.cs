namespace IntegrationHub.Connectors.DocumentExchange;

/// <summary>A parsed e-document. Attachment contents went to the sink given to the reader; only their metadata is here.</summary>
public sealed record EdXmlReceivedEnvelope
{
    public required EdXmlMessageHeader Header { get; init; }

    public required IReadOnlyList<EdXmlTraceHeader> TraceHeaderList { get; init; }

    public required IReadOnlyList<EdXmlReceivedAttachment> Attachments { get; init; }

    /// <summary>Whether the header carried a Signature element. It is not verified here (and may be absent).</summary>
    public bool HasSignature { get; init; }
}
