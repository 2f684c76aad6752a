namespace IntegrationHub.Connectors.DocumentExchange;

/// <summary>An attachment the reader decoded into the caller's sink, with the number of bytes written.</summary>
public sealed record EdXmlReceivedAttachment
{
    public required EdXmlAttachmentInfo Info { get; init; }

    public required long Length { get; init; }
}
