using System.Runtime.CompilerServices;
using IntegrationHub.Connectors.NationalPortal.Client;
using IntegrationHub.Connectors.NationalPortal.Mapping;
using IntegrationHub.Connectors.NationalPortal.Writing;
using IntegrationHub.Contracts;
using Microsoft.Extensions.Logging;
using RestSharp;

namespace IntegrationHub.Connectors.NationalPortal;

/// <summary>Connector of the National Public-Service Portal (DVCQG) over a session login. Source: the procedure
/// catalogue (LayDanhSachTTHC, then LayThuTuc per procedure). Destination: iGate's dossiers (TraCuuHoSo, then
/// DongBoHoSoMC) and their processing steps (CapNhatTienDoHoSoMC), mapped to the portal's shape.</summary>
public sealed class NationalPortalConnector : ISourceConnector, IDestinationConnector
{
    public const string ConnectorId = "national-portal";

    public const string ProceduresStream = "procedures";

    public const string DossiersStream = "dossiers";

    public const string ProgressStream = "progress";

    private readonly NationalPortalOptions _options;
    private readonly HttpClient _httpClient;
    private readonly ILogger<NationalPortalConnector> _logger;

    /// <param name="httpClient">Carries the counterparty's resilience pipeline; has no BaseAddress (BaseUrl is used).</param>
    public NationalPortalConnector(
        NationalPortalOptions options,
        HttpClient httpClient,
        ILogger<NationalPortalConnector> logger)
    {
        _options = options;
        _httpClient = httpClient;
        _logger = logger;
    }

    public ConnectorSpec Spec { get; } = new(
        ConnectorId,
        "1.1.0",
        [
            new StreamSpec(ProceduresStream, StreamDirection.Source, "Administrative procedures (TTHC) of the national catalogue, one record per MaTTHC.")
            {
                Key = ["MATTHC"],
                Cursor = "{nextPage}: the catalogue page to read next; a complete pass starts again at page 1",
            },
            new StreamSpec(DossiersStream, StreamDirection.Destination, "iGate dossiers (local shape) synced to the portal with TraCuuHoSo + DongBoHoSoMC, one message per dossier version.") { Key = ["maHoSo"] },
            new StreamSpec(ProgressStream, StreamDirection.Destination, "iGate processing steps (local shape) sent with CapNhatTienDoHoSoMC in chunks of 10.") { Key = ["maHoSo"] },
        ],
        typeof(NationalPortalOptions));

    public async Task<CheckResult> CheckAsync(CheckScope scope, CancellationToken cancellationToken)
    {
        var problems = NationalPortalOptionsValidator.Validate(_options, forWriting: true);
        if (problems.Length > 0 || scope == CheckScope.Parameters)
        {
            return problems.Length == 0 ? CheckResult.Success : CheckResult.Failed(problems);
        }

        try
        {
            using var rest = CreateRestClient();
            await new NationalPortalApiClient(rest, _options).LoginAsync(cancellationToken).ConfigureAwait(false);
            return CheckResult.Success;
        }
        catch (ConnectorException exception)
        {
            NationalPortalLog.ConnectivityFailed(_logger, exception.Message);
            return CheckResult.Failed(exception.Message);
        }
    }

    public async IAsyncEnumerable<SourceItem> ReadAsync(
        string stream,
        SourceCheckpoint? checkpoint,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (stream != ProceduresStream)
        {
            throw new ConnectorException(new ConnectorFailure(
                FailureKind.Config, "unknown-stream", $"Connector {ConnectorId} does not read '{stream}'; it reads '{ProceduresStream}'."));
        }

        // Reading needs no status table or time zone: a source-only setup must not fail for lack of them.
        ThrowIfInvalid(forWriting: false);
        var firstPage = ProcedureCheckpoint.From(checkpoint).NextPage;
        NationalPortalLog.ReadStarted(_logger, _options.BaseUrl, firstPage);

        // A RestClient per read: it only wraps the shared HttpClient (which owns the connections), and this way
        // the connector holds nothing to dispose.
        using var rest = CreateRestClient();
        using var session = new NationalPortalSession(new NationalPortalApiClient(rest, _options), _logger);
        await session.LoginAsync(cancellationToken).ConfigureAwait(false);
        var reader = new ProceduresReader(session, _options, _logger);
        await foreach (var item in reader.ReadAsync(firstPage, cancellationToken).ConfigureAwait(false))
        {
            yield return item;
        }
    }

    public async Task<IReadOnlyList<WriteOutcome>> WriteAsync(string stream, IReadOnlyList<OutboundMessage> batch, CancellationToken cancellationToken)
    {
        if (stream is not (DossiersStream or ProgressStream))
        {
            throw new ConnectorException(new ConnectorFailure(
                FailureKind.Config, "unknown-stream", $"Connector {ConnectorId} does not write '{stream}'; it writes '{DossiersStream}' and '{ProgressStream}'."));
        }

        ThrowIfInvalid(forWriting: true);
        if (batch.Count == 0)
        {
            return [];
        }

        NationalPortalLog.WriteStarted(_logger, stream, batch.Count);
        var statuses = new StatusMapper(_options.StatusMap);
        var zone = DvcqgDateFormat.ResolveTimeZone(_options.TimeZone!);
        using var rest = CreateRestClient();
        using var session = new NationalPortalSession(new NationalPortalApiClient(rest, _options), _logger);
        var outcomes = stream == DossiersStream
            ? await new DossiersWriter(session, new DossierMapper(statuses, zone), _options.MaxParallelWrites, _logger)
                .WriteAsync(batch, cancellationToken).ConfigureAwait(false)
            : await new ProgressWriter(session, new ProgressMapper(statuses, zone), _options.MaxParallelWrites)
                .WriteAsync(batch, cancellationToken).ConfigureAwait(false);
        NationalPortalLog.WriteCompleted(_logger, stream, batch.Count, outcomes.Count(o => !o.Delivered));
        return outcomes;
    }

    private void ThrowIfInvalid(bool forWriting)
    {
        var problems = NationalPortalOptionsValidator.Validate(_options, forWriting);
        if (problems.Length > 0)
        {
            throw new ConnectorException(new ConnectorFailure(FailureKind.Config, "options", string.Join(" ", problems)));
        }
    }

    private RestClient CreateRestClient() =>
        new(_httpClient, new RestClientOptions(new Uri(_options.BaseUrl!, UriKind.Absolute)), disposeHttpClient: false);
}
