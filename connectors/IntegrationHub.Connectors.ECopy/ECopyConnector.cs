using System.Text.Json;
using IntegrationHub.Connectors.ECopy.Api;
using IntegrationHub.Connectors.Kit;
using IntegrationHub.Contracts;
using Microsoft.Extensions.Logging;

namespace IntegrationHub.Connectors.ECopy;

/// <summary>The national portal's e-copy certification service ("chứng thực bản sao điện tử từ bản chính") over the
/// API <see cref="ECopyUrls"/> describes. One source: the certificates officers issue, a keyset feed whose copies are
/// streamed into the hub's attachment store.</summary>
public sealed class ECopyConnector : ConnectorBase<ECopyOptions>, ISourceConnector
{
    public const string ConnectorId = "e-copy";
    public const string CertificationsStream = "certifications";

    private static readonly ConnectorIdentity ECopy = new(ConnectorId, "The e-copy certification service", "0.1.0", "ECOPY");

    private readonly CounterpartyHttpClient _api;
    private readonly IAttachmentStore _attachments;

    /// <param name="httpClient">From the host's factory, with the counterparty's resilience pipeline.</param>
    public ECopyConnector(ECopyOptions options, HttpClient httpClient, IAttachmentStore attachments, ILogger<ECopyConnector> logger)
        : base(ECopy, Streams, options, logger)
    {
        _attachments = attachments ?? throw new ArgumentNullException(nameof(attachments));
        _api = new CounterpartyHttpClient(httpClient, new CounterpartyEndpoint(options.BaseUrl, new HttpCounterparty(ECopy.Name, HttpFailureCodes.Prefixed(ECopy.CodePrefix))
        {
            CredentialsHint = "Check Connectors:e-copy:ApiKey.",
            AddressHint = "Check Connectors:e-copy:BaseUrl.",
        })
        {
            Auth = HttpAuth.ApiKey(ECopyUrls.ApiKeyHeader, options.ApiKey),
            ReadError = body => JsonSerializer.Deserialize<ECopyWire.Error>(body, JsonSerializerOptions.Web) is { MaLoi.Length: > 0 } error ? new CounterpartyError(error.MaLoi, error.MoTa) : null,
        });
    }

    private static IReadOnlyList<StreamSpec> Streams { get; } =
    [
        new StreamSpec(CertificationsStream, StreamDirection.Source, "Electronic copies officers certified from their originals: certificate number, officer, time, document type, the citizen's personal id (masked wherever shown) and the copy in the hub's attachment store; key and business key soChungThuc, version 1.")
        {
            Key = ["soChungThuc"],
            Cursor = "the Seq of the last certificate read; the next page is after it",
            PayloadSchema = ECopyPayloadSchema.Json,
        },
    ];

    public IAsyncEnumerable<SourceItem> ReadAsync(string stream, SourceCheckpoint? checkpoint, CancellationToken cancellationToken)
    {
        if (stream != CertificationsStream)
        {
            throw UnknownStream(stream, StreamDirection.Source);
        }

        ThrowIfInvalid();
        return new KeysetFeedReader<ECopyCertificate, SequenceCursor>(new CertificationsFeed(_api, _attachments, Options), _api.Failures, Logger)
            .ReadAsync(SequenceCursor.From(checkpoint, ECopy, stream), cancellationToken);
    }

    protected override Task CheckConnectivityAsync(CancellationToken cancellationToken) =>
        _api.GetTextAsync(ECopyUrls.Ping, null, cancellationToken);
}
