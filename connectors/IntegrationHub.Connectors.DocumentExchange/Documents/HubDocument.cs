namespace IntegrationHub.Connectors.DocumentExchange.Documents;

/// <summary>The payload of an e-document record in the hub: the edXML header as JSON and references to its attachments,
/// whose bytes are in the hub's attachment store (never in the payload).</summary>
public sealed record HubDocument
{
    public required string DocumentId { get; init; }

    public required EdXmlMessageHeader Header { get; init; }

    public IReadOnlyList<EdXmlTraceHeader> TraceHeaderList { get; init; } = [];

    public IReadOnlyList<HubAttachment> Attachments { get; init; } = [];
}
