namespace IntegrationHub.Connectors.DocumentExchange;

/// <summary>An inter-agency e-document to send: header, route so far, and attachments.</summary>
public sealed record EdXmlEnvelope
{
    public required EdXmlMessageHeader Header { get; init; }

    public IReadOnlyList<EdXmlTraceHeader> TraceHeaderList { get; init; } = [];

    public IReadOnlyList<EdXmlAttachment> Attachments { get; init; } = [];
}
