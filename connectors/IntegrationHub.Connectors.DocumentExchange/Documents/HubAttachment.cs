using IntegrationHub.Contracts;

namespace IntegrationHub.Connectors.DocumentExchange.Documents;

/// <summary>One attachment of a <see cref="HubDocument"/>: its manifest entry and where its bytes are stored.</summary>
public sealed record HubAttachment
{
    public required string ContentId { get; init; }

    public string? Description { get; init; }

    public required AttachmentReference Stored { get; init; }

    public EdXmlAttachmentInfo Info() => new()
    {
        ContentId = ContentId,
        ContentType = Stored.ContentType,
        AttachmentName = Stored.Name,
        Description = Description,
    };
}
