using IntegrationHub.Connectors.DocumentExchange.SandboxFiles;

namespace IntegrationHub.Connectors.DocumentExchange.Sandbox;

/// <summary>What the platform holds of one document (control API, tests).</summary>
public sealed record ExchangeDocumentView(
    string DocumentId,
    string SenderOrganId,
    string Subject,
    int TimesSent,
    IReadOnlyList<StoredAttachment> Attachments,
    IReadOnlyList<ExchangeDeliveryView> Deliveries,
    IReadOnlyList<ExchangeStatusView> Statuses);
