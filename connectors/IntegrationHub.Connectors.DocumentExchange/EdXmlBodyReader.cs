using System.Buffers;
using System.Xml;
using System.Xml.Linq;

namespace IntegrationHub.Connectors.DocumentExchange;

/// <summary>Reads <c>edXMLBody</c>: the manifest, then each Attachment streamed into its sink, checking the two agree.</summary>
internal static class EdXmlBodyReader
{
    public static async Task<IReadOnlyList<EdXmlReceivedAttachment>> ReadAsync(
        XmlReader reader, Func<EdXmlAttachmentInfo, Stream> openSink, CancellationToken cancellationToken)
    {
        Dictionary<string, EdXmlAttachmentInfo>? manifest = null;
        var received = new List<EdXmlReceivedAttachment>();
        if (reader.IsEmptyElement)
        {
            await reader.ReadAsync();
            return received;
        }

        var buffer = ArrayPool<byte>.Shared.Rent(EdXmlWriter.ChunkSize);
        try
        {
            await reader.ReadAsync();
            while (await reader.MoveToContentAsync() != XmlNodeType.EndElement)
            {
                if (reader.IsEdXml(EdXmlNames.Manifest))
                {
                    manifest = Manifest((XElement)await XNode.ReadFromAsync(reader, cancellationToken));
                }
                else if (reader.IsEdXml(EdXmlNames.Attachment))
                {
                    var info = Take(manifest, reader.GetAttribute(EdXmlNames.ContentIdAttribute));
                    received.Add(new EdXmlReceivedAttachment { Info = info, Length = await DecodeAsync(reader, openSink(info), buffer, cancellationToken) });
                }
                else
                {
                    await reader.SkipAsync();
                }
            }

            await reader.ReadAsync();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        if (manifest is { Count: > 0 })
        {
            throw new EdXmlException(
                EdXmlErrorCodes.ManifestMismatch, $"Manifest references without an attachment: {string.Join(", ", manifest.Keys)}.");
        }

        return received;
    }

    private static Dictionary<string, EdXmlAttachmentInfo> Manifest(XElement manifest)
    {
        var references = new Dictionary<string, EdXmlAttachmentInfo>(StringComparer.Ordinal);
        foreach (var reference in manifest.Children(EdXmlNames.Reference))
        {
            var info = new EdXmlAttachmentInfo
            {
                ContentId = reference.Required("ContentId"),
                ContentType = reference.Optional("ContentType") ?? "application/octet-stream",
                AttachmentName = reference.Text("AttachmentName"),
                Description = reference.Optional("Description"),
            };
            if (!references.TryAdd(info.ContentId, info))
            {
                throw new EdXmlException(EdXmlErrorCodes.ManifestMismatch, $"ContentId '{info.ContentId}' appears twice in the manifest.");
            }
        }

        return references;
    }

    /// <summary>Removes the attachment's entry, so a second attachment with the same ContentId is a mismatch too.</summary>
    private static EdXmlAttachmentInfo Take(Dictionary<string, EdXmlAttachmentInfo>? manifest, string? contentId)
    {
        if (contentId is null || manifest is null || !manifest.Remove(contentId, out var info))
        {
            throw new EdXmlException(
                EdXmlErrorCodes.ManifestMismatch, $"Attachment '{contentId}' has no Reference in a preceding edXMLManifest (or repeats one).");
        }

        return info;
    }

    private static async Task<long> DecodeAsync(XmlReader reader, Stream sink, byte[] buffer, CancellationToken cancellationToken)
    {
        long length = 0;
        await using (sink)
        {
            if (reader.IsEmptyElement)
            {
                await reader.ReadAsync();
                return 0;
            }

            int read;
            while ((read = await ReadChunkAsync(reader, buffer)) > 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                await sink.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                length += read;
            }
        }

        return length;
    }

    /// <summary>XmlReader reports bad base64 as an XmlException naming Base64 (the runtime's English resources); any other
    /// XmlException here (truncation, a child element) is left to surface as malformed_xml. XmlReader is lenient about
    /// a missing final padding ("QUJDRA" decodes to "ABCD"), which is accepted as it loses no byte.</summary>
    private static async Task<int> ReadChunkAsync(XmlReader reader, byte[] buffer)
    {
        try
        {
            return await reader.ReadElementContentAsBase64Async(buffer, 0, EdXmlWriter.ChunkSize);
        }
        catch (XmlException ex) when (ex.Message.Contains("Base64", StringComparison.OrdinalIgnoreCase))
        {
            throw new EdXmlException(EdXmlErrorCodes.BadBase64, "An attachment's content is not valid base64.", ex);
        }
    }
}
