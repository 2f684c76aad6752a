using System.Buffers;
using System.Xml;

namespace IntegrationHub.Connectors.DocumentExchange;

/// <summary>Writes an <see cref="EdXmlEnvelope"/> as QCVN 102:2016 edXML. Attachments are streamed from their source as
/// base64 in small chunks, so memory does not grow with attachment size.</summary>
/// <remarks>
/// Layout: <c>edXMLEnvelope &gt; edXMLHeader &gt; (MessageHeader, TraceHeaderList)</c> and
/// <c>edXMLBody &gt; (edXMLManifest &gt; Reference*, Attachment*)</c>. The reference we have does not give the standard's
/// exact attachment packaging, so each attachment is an <c>Attachment</c> element after the manifest, keyed by a
/// <c>ContentId</c> attribute matching its Reference, holding the content as base64 text. No Signature element is
/// written: signing (XML-DSig over the envelope) is a later step and the standard lets the hub relay unsigned envelopes
/// from systems that do not sign yet.
/// </remarks>
public sealed class EdXmlWriter
{
    /// <summary>A multiple of 3, so every chunk but the last encodes to whole base64 quanta.</summary>
    internal const int ChunkSize = 3 * 8 * 1024;

    public async Task WriteAsync(EdXmlEnvelope envelope, Stream output, CancellationToken cancellationToken = default)
    {
        EdXmlEnvelopeRules.Check(envelope);
        await using var writer = XmlWriter.Create(output, EdXmlXmlWriterExtensions.Settings());
        await writer.WriteStartDocumentAsync();
        await writer.StartAsync(EdXmlNames.Envelope);

        await writer.StartAsync(EdXmlNames.Header);
        await WriteMessageHeaderAsync(writer, envelope.Header);
        await WriteTraceHeadersAsync(writer, envelope.TraceHeaderList);
        await writer.WriteEndElementAsync();

        await writer.StartAsync(EdXmlNames.Body);
        await WriteManifestAsync(writer, envelope.Attachments);
        await WriteAttachmentsAsync(writer, envelope.Attachments, cancellationToken);
        await writer.WriteEndElementAsync();

        await writer.WriteEndElementAsync();
        await writer.WriteEndDocumentAsync();
        await writer.FlushAsync();
    }

    private static async Task WriteMessageHeaderAsync(XmlWriter writer, EdXmlMessageHeader header)
    {
        await writer.StartAsync(EdXmlNames.MessageHeader);
        await writer.OrganizationAsync("From", header.From);
        foreach (var to in header.To)
        {
            await writer.OrganizationAsync("To", to);
        }

        await writer.ElementAsync("DocumentId", header.DocumentId);
        await writer.StartAsync("Code");
        await writer.ElementAsync("CodeNumber", header.Code.CodeNumber);
        await writer.ElementAsync("CodeNotation", header.Code.CodeNotation);
        await writer.WriteEndElementAsync();
        await writer.StartAsync("PromulgationInfo");
        await writer.ElementAsync("Place", header.PromulgationInfo.Place);
        await writer.ElementAsync("PromulgationDate", EdXmlFormat.Date(header.PromulgationInfo.PromulgationDate));
        await writer.WriteEndElementAsync();
        await writer.StartAsync("DocumentType");
        await writer.ElementAsync("Type", EdXmlFormat.Number(header.DocumentType.Type));
        await writer.ElementAsync("TypeName", header.DocumentType.TypeName);
        await writer.WriteEndElementAsync();
        await writer.ElementAsync("Subject", header.Subject);
        await writer.ElementAsync("Content", header.Content);
        await writer.StartAsync("SignerInfo");
        await writer.ElementAsync("Competence", header.SignerInfo.Competence);
        await writer.ElementAsync("Position", header.SignerInfo.Position);
        await writer.ElementAsync("FullName", header.SignerInfo.FullName);
        await writer.WriteEndElementAsync();
        await WriteOtherInfoAsync(writer, header.OtherInfo);
        await writer.OptionalAsync("SteeringType", header.SteeringType is { } steering ? EdXmlFormat.Number(steering) : null);
        await writer.WriteEndElementAsync();
    }

    private static async Task WriteOtherInfoAsync(XmlWriter writer, EdXmlOtherInfo other)
    {
        await writer.StartAsync("OtherInfo");
        await writer.ElementAsync("Priority", EdXmlFormat.Number(other.Priority));
        await writer.OptionalAsync("SphereOfPromulgation", other.SphereOfPromulgation);
        await writer.OptionalAsync("TyperNotation", other.TyperNotation);
        await writer.OptionalAsync("PromulgationAmount", other.PromulgationAmount is { } amount ? EdXmlFormat.Number(amount) : null);
        await writer.OptionalAsync("PageAmount", other.PageAmount is { } pages ? EdXmlFormat.Number(pages) : null);
        await writer.WriteEndElementAsync();
    }

    private static async Task WriteTraceHeadersAsync(XmlWriter writer, IReadOnlyList<EdXmlTraceHeader> traces)
    {
        await writer.StartAsync(EdXmlNames.TraceHeaderList);
        foreach (var trace in traces)
        {
            await writer.StartAsync(EdXmlNames.TraceHeader);
            await writer.ElementAsync("OrganId", trace.OrganId);
            await writer.ElementAsync("Timestamp", EdXmlFormat.Timestamp(trace.Timestamp));
            await writer.WriteEndElementAsync();
        }

        await writer.WriteEndElementAsync();
    }

    private static async Task WriteManifestAsync(XmlWriter writer, IReadOnlyList<EdXmlAttachment> attachments)
    {
        await writer.StartAsync(EdXmlNames.Manifest);
        foreach (var info in attachments.Select(a => a.Info))
        {
            await writer.StartAsync(EdXmlNames.Reference);
            await writer.ElementAsync("ContentId", info.ContentId);
            await writer.ElementAsync("ContentType", info.ContentType);
            await writer.ElementAsync("AttachmentName", info.AttachmentName);
            await writer.OptionalAsync("Description", info.Description);
            await writer.WriteEndElementAsync();
        }

        await writer.WriteEndElementAsync();
    }

    private static async Task WriteAttachmentsAsync(XmlWriter writer, IReadOnlyList<EdXmlAttachment> attachments, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(ChunkSize);
        try
        {
            foreach (var attachment in attachments)
            {
                await writer.StartAsync(EdXmlNames.Attachment);
                await writer.WriteAttributeStringAsync(null, EdXmlNames.ContentIdAttribute, null, attachment.Info.ContentId);
                await using (var source = attachment.OpenContent())
                {
                    int read;
                    while ((read = await source.ReadAsync(buffer.AsMemory(0, ChunkSize), cancellationToken)) > 0)
                    {
                        await writer.WriteBase64Async(buffer, 0, read);
                    }
                }

                await writer.WriteEndElementAsync();
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
