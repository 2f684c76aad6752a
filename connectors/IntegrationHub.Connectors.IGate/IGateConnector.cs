using System.ComponentModel.DataAnnotations;
using System.Runtime.CompilerServices;
using IntegrationHub.Connectors.IGate.Api;
using IntegrationHub.Connectors.IGate.Mapping;
using IntegrationHub.Connectors.IGate.Reading;
using IntegrationHub.Contracts;
using Microsoft.Extensions.Logging;

namespace IntegrationHub.Connectors.IGate;

/// <summary>iGate, the province's one-stop-shop system. Destinations, one batch per call, each item under its message's
/// idempotency key: national-portal procedures into iGate's local catalogue, confirmed fee payments of dossiers, and
/// citizens' evaluations of dossiers. Source: dossiers and their progress, read from iGate's keyset-paginated change feeds
/// (records strictly after the last (timestamp, id) read, a checkpoint after each page).</summary>
public sealed class IGateConnector : IDestinationConnector, ISourceConnector, IDisposable
{
    public const string ConnectorId = "igate";
    public const string ProceduresStream = "procedures";
    public const string DossiersStream = "dossiers";
    public const string ProgressStream = "progress";
    public const string PaymentsStream = "payments";
    public const string EvaluationsStream = "evaluations";
    public const string CitizenChecksStream = "citizen-checks";

    private readonly IGateOptions _options;
    private readonly IGateApiClient _api;
    private readonly ILogger<IGateConnector> _logger;

    /// <param name="httpClient">From the host's factory, with the counterparty's resilience pipeline and no BaseAddress.</param>
    public IGateConnector(IGateOptions options, HttpClient httpClient, ILogger<IGateConnector> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(logger);
        _options = options;
        _api = new IGateApiClient(options, httpClient);
        _logger = logger;
    }

    public ConnectorSpec Spec { get; } = new(
        ConnectorId,
        "1.0.0",
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
        ],
        typeof(IGateOptions));

    public async Task<CheckResult> CheckAsync(CheckScope scope, CancellationToken cancellationToken)
    {
        var problems = ParameterProblems();
        if (problems.Length > 0 || scope == CheckScope.Parameters)
        {
            return problems.Length == 0 ? CheckResult.Success : CheckResult.Failed(problems);
        }

        try
        {
            await _api.PingAsync(cancellationToken).ConfigureAwait(false);
            return CheckResult.Success;
        }
        catch (ConnectorException ex)
        {
            _logger.LogWarning("iGate connectivity check failed: {Failure}", ex.Message);
            return CheckResult.Failed(ex.Message);
        }
    }

    public async Task<IReadOnlyList<WriteOutcome>> WriteAsync(string stream, IReadOnlyList<OutboundMessage> batch, CancellationToken cancellationToken) =>
        stream switch
        {
            ProceduresStream => await WriteAsync(IGateDestinations.Procedures, batch, cancellationToken).ConfigureAwait(false),
            PaymentsStream => await WriteAsync(IGateDestinations.Payments, batch, cancellationToken).ConfigureAwait(false),
            EvaluationsStream => await WriteAsync(IGateDestinations.Evaluations, batch, cancellationToken).ConfigureAwait(false),
            CitizenChecksStream => await WriteAsync(IGateDestinations.CitizenChecks, batch, cancellationToken).ConfigureAwait(false),
            _ => throw new ConnectorException(new ConnectorFailure(
                FailureKind.Config,
                "IGATE-STREAM",
                $"iGate has no destination stream '{stream}'; it writes '{ProceduresStream}', '{PaymentsStream}', '{EvaluationsStream}' and '{CitizenChecksStream}'.")),
        };

    public async IAsyncEnumerable<SourceItem> ReadAsync(
        string stream,
        SourceCheckpoint? checkpoint,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var feed = IGateChangeFeed.Find(stream) ?? throw new ConnectorException(new ConnectorFailure(
            FailureKind.Config, "IGATE-STREAM", $"iGate has no source stream '{stream}'; it reads '{DossiersStream}' and '{ProgressStream}'."));
        var problems = ParameterProblems();
        if (problems.Length > 0)
        {
            throw new ConnectorException(new ConnectorFailure(FailureKind.Config, "IGATE-CONFIG", string.Join(" ", problems)));
        }

        var cursor = IGateChangeCursor.From(checkpoint, stream);
        var reader = new IGateChangesReader(_api, feed, _options.BatchSize, _logger);
        await foreach (var item in reader.ReadAsync(cursor, cancellationToken).ConfigureAwait(false))
        {
            yield return item;
        }
    }

    public void Dispose() => _api.Dispose();

    private string[] ParameterProblems()
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(_options, new ValidationContext(_options), results, validateAllProperties: true);
        return [.. results.Select(r => r.ErrorMessage ?? "Invalid iGate options.")];
    }

    private async Task<IReadOnlyList<WriteOutcome>> WriteAsync<TItem>(
        IGateDestination<TItem> destination, IReadOnlyList<OutboundMessage> batch, CancellationToken cancellationToken)
        where TItem : class
    {
        cancellationToken.ThrowIfCancellationRequested();
        var plan = IGateBatchPlan<TItem>.Create(batch, destination);
        IReadOnlyList<IGateItemResult> results = plan.Items.Count == 0
            ? []
            : await _api.PostBatchAsync(destination.BatchPath, new IGateBatchRequest<TItem>(plan.Items), cancellationToken).ConfigureAwait(false);
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
                _logger.LogWarning(
                    "iGate did not take {Stream} message {MessageId} ({BusinessKey}): {Kind} {Code} {Reason}",
                    stream, batch[i].MessageId, batch[i].BusinessKey, failure.Kind, failure.Code, failure.Message);
            }
        }

        _logger.LogDebug(
            "iGate {Stream} batch of {Count} messages: {Sent} sent, {Delivered} delivered, {Unmapped} not mappable",
            stream, batch.Count, sent, outcomes.Count(o => o.Delivered), unmapped);
    }
}
