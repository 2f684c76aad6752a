using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using IntegrationHub.Connectors.Kit;
using IntegrationHub.Connectors.Postal.Api;
using IntegrationHub.Contracts;
using Microsoft.Extensions.Logging;

namespace IntegrationHub.Connectors.Postal;

/// <summary>The public postal service that delivers dossiers' results to applicants who chose delivery by post ("trả
/// kết quả qua bưu chính công ích"), over its API (designed, see <see cref="PostalWire"/>). Destination
/// <c>shipments</c>: one shipment per dossier by post, under an idempotency key of the dossier, so every later version
/// of the dossier (and every retry or replay) gets the same shipment; its tracking number is the delivery's reference.
/// Source <c>tracking</c>: the tracking events of every shipment, a keyset feed by sequence number.</summary>
public sealed class PostalConnector : ConnectorBase<PostalOptions>, ISourceConnector, IDestinationConnector
{
    public const string ConnectorId = "postal";
    public const string ShipmentsStream = "shipments";
    public const string TrackingStream = "tracking";

    private static readonly ConnectorIdentity Postal = new(ConnectorId, "The postal service", "0.1.0", "POSTAL");

    // Vietnamese place names stay readable in the hub's message view.
    private static readonly JsonSerializerOptions PayloadJson = new(JsonSerializerOptions.Web) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly CounterpartyHttpClient _api;
    private readonly OneByOneWriter _writer;

    public PostalConnector(PostalOptions options, HttpClient httpClient, ILogger<PostalConnector> logger)
        : base(Postal, Streams, options, logger)
    {
        _api = new CounterpartyHttpClient(httpClient, new CounterpartyEndpoint(options.BaseUrl, new HttpCounterparty(Postal.Name, HttpFailureCodes.Prefixed(Postal.CodePrefix)))
        {
            Auth = HttpAuth.ApiKey(PostalWire.ApiKeyHeader, options.ApiKey),
            ReadError = body => JsonSerializer.Deserialize<PostalWire.Error>(body, JsonSerializerOptions.Web) is { Code.Length: > 0 } error ? new CounterpartyError(error.Code, error.Message) : null,
        });
        _writer = new OneByOneWriter(Postal.Name, logger);
    }

    private static IReadOnlyList<StreamSpec> Streams { get; } =
    [
        new StreamSpec(ShipmentsStream, StreamDirection.Destination, "Shipments of dossiers' results to applicants who chose delivery by post (hinhThucNhanKetQua BuuChinh; others are skipped), one per MaHoSo; the tracking number is the delivery's reference.")
        {
            Key = ["maHoSo"],
            PayloadSchema = DossierPayloadSchema.Json,
        },
        new StreamSpec(TrackingStream, StreamDirection.Source, "Tracking events of shipments (ACCEPTED, IN_TRANSIT, OUT_FOR_DELIVERY, DELIVERED, RETURNED); key eventId, business key the sender reference (MaHoSo).")
        {
            Key = ["eventId"],
            Cursor = "the seq of the last event read; the next page is strictly after it",
        },
    ];

    public async Task<IReadOnlyList<WriteOutcome>> WriteAsync(string stream, IReadOnlyList<OutboundMessage> batch, CancellationToken cancellationToken)
    {
        if (stream != ShipmentsStream)
        {
            throw UnknownStream(stream, StreamDirection.Destination);
        }

        ThrowIfInvalid();
        return await _writer.EachAsync(stream, batch, message => ShipAsync(message, cancellationToken)).ConfigureAwait(false);
    }

    public IAsyncEnumerable<SourceItem> ReadAsync(string stream, SourceCheckpoint? checkpoint, CancellationToken cancellationToken)
    {
        if (stream != TrackingStream)
        {
            throw UnknownStream(stream, StreamDirection.Source);
        }

        ThrowIfInvalid();
        return new KeysetFeedReader<PostalWire.TrackingEvent, SequenceCursor>(new TrackingFeed(_api, Options.PageSize), _api.Failures, Logger)
            .ReadAsync(SequenceCursor.From(checkpoint, Postal, stream), cancellationToken);
    }

    protected override Task CheckConnectivityAsync(CancellationToken cancellationToken) =>
        _api.GetTextAsync(PostalWire.Ping, null, cancellationToken);

    private async Task<WriteOutcome> ShipAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        var dossier = DossierPayload.Parse(message.Payload);
        if (dossier.HinhThucNhanKetQua != DossierPayload.ByPost)
        {
            return WriteOutcome.Skipped(message.MessageId, $"the applicant of {dossier.MaHoSo} takes the result as '{dossier.HinhThucNhanKetQua}', not by post");
        }

        if (string.IsNullOrWhiteSpace(dossier.MaHoSo) || dossier.ToShipment() is not { } shipment)
        {
            return WriteOutcome.Failed(message.MessageId, new ConnectorFailure(
                FailureKind.Permanent, "POSTAL-NO-ADDRESS", $"Dossier {dossier.MaHoSo} chose delivery by post but gives no recipient and street address (diaChiNhanKetQua)."));
        }

        using var request = _api.NewRequest(HttpMethod.Post, PostalWire.Shipments);
        request.Headers.Add(PostalWire.IdempotencyKeyHeader, $"dossier:{dossier.MaHoSo}");
        request.Content = _api.JsonContent(shipment);
        using var response = await _api.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        var reply = _api.ParseJson<PostalWire.ShipmentReply>(await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false));
        return WriteOutcome.Success(message.MessageId, string.IsNullOrWhiteSpace(reply.TrackingNumber) ? throw new ConnectorException(_api.Failures.Malformed("no trackingNumber")) : reply.TrackingNumber);
    }

    private sealed class TrackingFeed(CounterpartyHttpClient api, int pageSize) : IKeysetFeed<PostalWire.TrackingEvent, SequenceCursor>
    {
        public string Stream => TrackingStream;

        public async Task<KeysetPage<PostalWire.TrackingEvent>> FetchAsync(SequenceCursor? after, CancellationToken cancellationToken)
        {
            var page = await api.GetJsonAsync<PostalWire.EventPage>(
                PostalWire.TrackingEvents,
                [new("after", (after?.Seq ?? 0).ToString(CultureInfo.InvariantCulture)), new("limit", pageSize.ToString(CultureInfo.InvariantCulture))],
                cancellationToken).ConfigureAwait(false);
            return new KeysetPage<PostalWire.TrackingEvent>(page.Items ?? throw new ConnectorException(api.Failures.Malformed("no \"items\" array")), page.HasMore);
        }

        public ValueTask<SourceRecord?> ToRecordAsync(PostalWire.TrackingEvent item, CancellationToken cancellationToken) =>
            ValueTask.FromResult<SourceRecord?>(new SourceRecord(item.EventId, JsonSerializer.Serialize(item, PayloadJson), item.SenderReference));

        public SequenceCursor CursorOf(PostalWire.TrackingEvent item) => new(item.Seq);
    }
}
