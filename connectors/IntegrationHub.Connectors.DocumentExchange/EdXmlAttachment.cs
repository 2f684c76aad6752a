namespace IntegrationHub.Connectors.DocumentExchange;

/// <summary>An attachment to send. The content is opened only while the writer streams it (and disposed after),
/// so a large file is never held in memory.</summary>
public sealed record EdXmlAttachment
{
    public required EdXmlAttachmentInfo Info { get; init; }

    /// <summary>Opens a fresh readable stream over the content; called once per write.</summary>
    public required Func<Stream> OpenContent { get; init; }

    public static EdXmlAttachment FromBytes(EdXmlAttachmentInfo info, byte[] content) =>
        new() { Info = info, OpenContent = () => new MemoryStream(content, writable: false) };

    public static EdXmlAttachment FromFile(EdXmlAttachmentInfo info, string path) =>
        new() { Info = info, OpenContent = () => File.OpenRead(path) };
}
