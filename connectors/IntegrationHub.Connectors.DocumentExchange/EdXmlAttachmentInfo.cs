namespace IntegrationHub.Connectors.DocumentExchange;

/// <summary>What the manifest says about one attachment; handed to the reader's sink before its content is decoded.</summary>
public sealed record EdXmlAttachmentInfo
{
    public required string ContentId { get; init; }

    public string ContentType { get; init; } = "application/octet-stream";

    public required string AttachmentName { get; init; }

    public string? Description { get; init; }
}
