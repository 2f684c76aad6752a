using IntegrationHub.Connectors.IGate.Api;
using IntegrationHub.Connectors.IGate.Mapping;
using IntegrationHub.Connectors.IGate.Reading;
using IntegrationHub.Connectors.Kit;
using IntegrationHub.Contracts;
using Microsoft.Extensions.Logging;

namespace IntegrationHub.Connectors.IGate;

/// <summary>iGate, the province's one-stop-shop system. Destinations, one batch per call, each item under its message's
/// idempotency key (a batch refused as a whole is sent again message by message): national-portal procedures into
/// iGate's local catalogue, confirmed fee payments of dossiers, citizens' evaluations of dossiers and population-database
/// verifications of their applicants; and certified e-copies with their files, one call each. Sources: dossiers and their progress, read from iGate's keyset-paginated change
/// feeds (records strictly after the last (timestamp, id) read, a checkpoint after each page).</summary>
public sealed class IGateConnector : ConnectorBase<IGateOptions>, IDestinationConnector, ITimeOrderedSource
{
    public const string ConnectorId = "igate";
    public const string ProceduresStream = "procedures";
    public const string DossiersStream = "dossiers";
    public const string ProgressStream = "progress";
    public const string PaymentsStream = "payments";
    public const string EvaluationsStream = "evaluations";
    public const string CitizenChecksStream = "citizen-checks";
    public const string ECopiesStream = "e-copies";
    public const string DeliveryStatusStream = "delivery-status";

    private static readonly ConnectorIdentity IGate = new(ConnectorId, "iGate", "1.0.0", "IGATE");

    private readonly CounterpartyHttpClient _api;
    private readonly OneByOneWriter _writer;
    private readonly IAttachmentStore? _attachments;

    /// <param name="httpClient">From the host's factory, with the counterparty's resilience pipeline and no BaseAddress.</param>
    /// <param name="attachments">Where the e-copies' files are read from; only that stream needs it.</param>
    public IGateConnector(IGateOptions options, HttpClient httpClient, ILogger<IGateConnector> logger, IAttachmentStore? attachments = null)
        : base(IGate, Streams, options, logger)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        _attachments = attachments;
        _api = IGateUrls.Client(options, httpClient);
        _writer = new OneByOneWriter(Identity.Name, logger);
    }

    private static IReadOnlyList<StreamSpec> Streams { get; } =
    [
        new StreamSpec(ProceduresStream, StreamDirection.Destination, "iGate's local procedure catalogue, upserted by MaTTHC from national-portal procedures.") { Key = ["MATTHC"] },
        new StreamSpec(DossiersStream, StreamDirection.Source, "Dossiers (hồ sơ) in iGate's shape, each change as its latest version; key and business key maHoSo, version the dossier's version.")
        {
            Key = ["maHoSo"],
            Cursor = "{since, afterId}: updatedAt and maHoSo of the last change read; the next page is strictly after them",
        },
        new StreamSpec(ProgressStream, StreamDirection.Source, "Processing progress entries of dossiers, in order; key maHoSo, version the entry's stt.")
        {
            Key = ["maHoSo"],
            Cursor = "{since, afterId}: recordedAt and id of the last entry read; the next page is strictly after them",
        },
        new StreamSpec(PaymentsStream, StreamDirection.Destination, "Confirmed payments of dossiers' fees from the national payment platform, recorded on the dossier once per MaThamChieu (answered with iGate's receipt number); key MaThamChieu, business key MaHoSo.")
        {
            Key = ["MaThamChieu"],
            PayloadSchema = HubPaymentSchema.Json,
        },
        new StreamSpec(EvaluationsStream, StreamDirection.Destination, "Citizens' satisfaction evaluations (DiemDanhGia 1..5) of dossiers from the national portal; key and business key MaHoSo.") { Key = ["MaHoSo"] },
        new StreamSpec(CitizenChecksStream, StreamDirection.Destination, "Population-database verifications of dossiers' applicants (KHOP, KHONG_KHOP with the differing fields, KHONG_TIM_THAY), the latest one kept per dossier; key and business key MaHoSo.") { Key = ["MaHoSo"] },
        new StreamSpec(ECopiesStream, StreamDirection.Destination, "Certified electronic copies, for dossiers to reuse: recorded once per soChungThuc with their file, streamed from the hub's attachment store.")
        {
            Key = ["soChungThuc"],
            PayloadSchema = HubECopySchema.Json,
        },
        new StreamSpec(DeliveryStatusStream, StreamDirection.Destination, "Postal tracking events of dossiers' results sent by post, kept per dossier once per event id; the sender reference is the MaHoSo.")
        {
            Key = ["eventId"],
            PayloadSchema = HubDeliveryStatusSchema.Json,
        },
    ];

    public Task<IReadOnlyList<WriteOutcome>> WriteAsync(string stream, IReadOnlyList<OutboundMessage> batch, CancellationToken cancellationToken) =>
        stream switch
        {
            ProceduresStream => WriteAsync(IGateDestinations.Procedures, batch, cancellationToken),
            PaymentsStream => WriteAsync(IGateDestinations.Payments, batch, cancellationToken),
            EvaluationsStream => WriteAsync(IGateDestinations.Evaluations, batch, cancellationToken),
            CitizenChecksStream => WriteAsync(IGateDestinations.CitizenChecks, batch, cancellationToken),
            ECopiesStream => WriteECopiesAsync(batch, cancellationToken),
            DeliveryStatusStream => WriteAsync(IGateDestinations.DeliveryStatuses, batch, cancellationToken),
            _ => throw UnknownStream(stream, StreamDirection.Destination),
        };

    public IAsyncEnumerable<SourceItem> ReadAsync(string stream, SourceCheckpoint? checkpoint, CancellationToken cancellationToken)
    {
        var feed = IGateChangeFeed.Find(stream) ?? throw UnknownStream(stream, StreamDirection.Source);
        ThrowIfInvalid();
        var cursor = TimestampCursor.From(checkpoint, Identity, stream);
        return new KeysetFeedReader<IGateChange, TimestampCursor>(new IGateChangeSource(_api, feed, Options.BatchSize), _api.Failures, Logger)
            .ReadAsync(cursor, cancellationToken);
    }

    /// <summary>Both change feeds are ordered by time: a backfill from a time asks for <c>since</c> alone, inclusive.</summary>
    public SourceCheckpoint CheckpointAt(string stream, DateTimeOffset time) =>
        IGateChangeFeed.Find(stream) is null ? throw UnknownStream(stream, StreamDirection.Source) : TimestampCursor.At(time).ToCheckpoint();

    public DateTimeOffset TimeOf(string stream, SourceCheckpoint checkpoint)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        _ = IGateChangeFeed.Find(stream) ?? throw UnknownStream(stream, StreamDirection.Source);
        return TimestampCursor.Parse(TimestampCursor.From(checkpoint, Identity, stream)!.Since)!.Value;
    }

    protected override async Task CheckConnectivityAsync(CancellationToken cancellationToken) =>
        await _api.GetTextAsync(IGateUrls.Ping, null, cancellationToken).ConfigureAwait(false);

    private async Task<IReadOnlyList<WriteOutcome>> WriteAsync<TItem>(
        IGateDestination<TItem> destination, IReadOnlyList<OutboundMessage> batch, CancellationToken cancellationToken)
        where TItem : class
    {
        ThrowIfInvalid();
        cancellationToken.ThrowIfCancellationRequested();
        return await _writer.WithFallbackAsync(destination.Stream, batch, messages => WriteOnceAsync(destination, messages, cancellationToken)).ConfigureAwait(false);
    }

    /// <summary>One call per copy, its file streamed (a batch of files would be one huge body).</summary>
    private Task<IReadOnlyList<WriteOutcome>> WriteECopiesAsync(IReadOnlyList<OutboundMessage> batch, CancellationToken cancellationToken)
    {
        ThrowIfInvalid();
        return _writer.EachAsync(ECopiesStream, batch, message => IGateECopyUpload.SendAsync(_api, _attachments ?? throw new ConnectorException(new ConnectorFailure(
            FailureKind.Config, "IGATE-ATTACHMENTS", "iGate's e-copies stream needs the hub's attachment store; this connector was made without one.")), message, cancellationToken));
    }

    /// <summary>One call: the mappable messages as one batch, once per idempotency key.</summary>
    private async Task<IReadOnlyList<WriteOutcome>> WriteOnceAsync<TItem>(
        IGateDestination<TItem> destination, IReadOnlyList<OutboundMessage> batch, CancellationToken cancellationToken)
        where TItem : class
    {
        var plan = IGateBatchPlan<TItem>.Create(batch, destination);
        IReadOnlyList<IGateItemResult> results = plan.Items.Count == 0
            ? []
            : (await _api.PostJsonAsync<IGateBatchReply>(destination.BatchPath, new IGateBatchRequest<TItem>(plan.Items), cancellationToken).ConfigureAwait(false)).Results
                ?? throw new ConnectorException(_api.Failures.Malformed("no \"results\" array"));
        var outcomes = plan.Outcomes(results);
        Log(destination.Stream, batch, outcomes, plan.Items.Count, plan.MappingFailures);
        return outcomes;
    }

    private void Log(string stream, IReadOnlyList<OutboundMessage> batch, IReadOnlyList<WriteOutcome> outcomes, int sent, int unmapped)
    {
        for (var i = 0; i < outcomes.Count; i++)
        {
            if (outcomes[i].Failure is { } failure)
            {
                Logger.LogWarning(
                    "iGate did not take {Stream} message {MessageId} ({BusinessKey}): {Kind} {Code} {Reason}",
                    stream, batch[i].MessageId, batch[i].BusinessKey, failure.Kind, failure.Code, failure.Message);
            }
        }

        Logger.LogDebug(
            "iGate {Stream} batch of {Count} messages: {Sent} sent, {Delivered} delivered, {Unmapped} not mappable",
            stream, batch.Count, sent, outcomes.Count(o => o.Delivered), unmapped);
    }
}
