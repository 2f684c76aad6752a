using System.Net;
using System.Net.Http.Headers;
using IntegrationHub.Contracts;

namespace IntegrationHub.Connectors.DocumentExchange.Transfer;

/// <summary>An e-document as an HTTP request body, written by <see cref="EdXmlWriter"/> straight into the connection
/// (attachments read from their source in 24 KB chunks). Every serialization writes the envelope anew, so the host's
/// resilience handler may send it again on a retry without buffering it (<see cref="IStreamedRequestContent"/>).
/// The length is unknown up front: it goes out chunked.</summary>
public sealed class EdXmlEnvelopeContent : HttpContent, IStreamedRequestContent
{
    private readonly EdXmlEnvelope _envelope;
    private readonly EdXmlWriter _writer = new();

    public EdXmlEnvelopeContent(EdXmlEnvelope envelope)
    {
        _envelope = envelope;
        Headers.ContentType = new MediaTypeHeaderValue(EdXmlMediaType.Value) { CharSet = "utf-8" };
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        _writer.WriteAsync(_envelope, stream, CancellationToken.None);

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken) =>
        _writer.WriteAsync(_envelope, stream, cancellationToken);

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}
