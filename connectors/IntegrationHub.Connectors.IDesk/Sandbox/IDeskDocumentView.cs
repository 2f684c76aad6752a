using IntegrationHub.Connectors.DocumentExchange.SandboxFiles;

namespace IntegrationHub.Connectors.IDesk.Sandbox;

/// <summary>What iDesk holds of one document (control API, tests). Direction "outgoing" or "incoming"; State as
/// <see cref="OutgoingDocument.State"/> or the two-digit code of the last status of a received one.</summary>
public sealed record IDeskDocumentView(
    string DocumentId,
    string Direction,
    string Subject,
    string State,
    int TimesPosted,
    IReadOnlyList<StoredAttachment> Attachments,
    IReadOnlyList<string> StatusesReceived);
