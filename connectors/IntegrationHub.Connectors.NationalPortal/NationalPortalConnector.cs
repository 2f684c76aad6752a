using System.Runtime.CompilerServices;
using IntegrationHub.Connectors.Kit;
using IntegrationHub.Connectors.NationalPortal.Client;
using IntegrationHub.Connectors.NationalPortal.Mapping;
using IntegrationHub.Connectors.NationalPortal.Writing;
using IntegrationHub.Contracts;
using Microsoft.Extensions.Logging;

namespace IntegrationHub.Connectors.NationalPortal;

/// <summary>Connector of the National Public-Service Portal (DVCQG) over a session login. Source: the procedure
/// catalogue (LayDanhSachTTHC, then LayThuTuc per procedure). Destination: iGate's dossiers (TraCuuHoSo, then
/// DongBoHoSoMC) and their processing steps (CapNhatTienDoHoSoMC), mapped to the portal's shape.</summary>
public sealed class NationalPortalConnector : ConnectorBase<NationalPortalOptions>, ISourceConnector, IDestinationConnector
{
    public const string ConnectorId = "national-portal";

    public const string ProceduresStream = "procedures";

    public const string DossiersStream = "dossiers";

    public const string ProgressStream = "progress";

    // The portal's codes are lower-case words, as its transport failures are (http-503, timeout).
    private static readonly ConnectorIdentity Portal = new(ConnectorId, "The National Portal", "1.1.0", "PORTAL")
    {
        ConfigCode = "options",
        StreamCode = "unknown-stream",
        CheckpointCode = "checkpoint",
    };

    private readonly NationalPortalApiClient _api;

    /// <param name="httpClient">Carries the counterparty's resilience pipeline; has no BaseAddress (BaseUrl is used).</param>
    public NationalPortalConnector(NationalPortalOptions options, HttpClient httpClient, ILogger<NationalPortalConnector> logger)
        : base(Portal, Streams, options, logger)
    {
        _api = new NationalPortalApiClient(httpClient ?? throw new ArgumentNullException(nameof(httpClient)), options);
    }

    private static IReadOnlyList<StreamSpec> Streams { get; } =
    [
        new StreamSpec(ProceduresStream, StreamDirection.Source, "Administrative procedures (TTHC) of the national catalogue, one record per MaTTHC.")
        {
            Key = ["MATTHC"],
            Cursor = "{nextPage}: the catalogue page to read next; a complete pass starts again at page 1",
        },
        new StreamSpec(DossiersStream, StreamDirection.Destination, "iGate dossiers (local shape) synced to the portal with TraCuuHoSo + DongBoHoSoMC, one message per dossier version.") { Key = ["maHoSo"] },
        new StreamSpec(ProgressStream, StreamDirection.Destination, "iGate processing steps (local shape) sent with CapNhatTienDoHoSoMC in chunks of 10.") { Key = ["maHoSo"] },
    ];

    public async IAsyncEnumerable<SourceItem> ReadAsync(
        string stream,
        SourceCheckpoint? checkpoint,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (stream != ProceduresStream)
        {
            throw UnknownStream(stream, StreamDirection.Source);
        }

        // Reading needs no status table or time zone: a source-only setup must not fail for lack of them.
        ThrowIfInvalid(OptionsValidation.Problems(Options));
        var firstPage = ProcedureCheckpoint.From(checkpoint, Portal).NextPage;
        NationalPortalLog.ReadStarted(Logger, Options.BaseUrl, firstPage);
        using var session = new NationalPortalSession(_api, Logger);
        await session.LoginAsync(cancellationToken).ConfigureAwait(false);
        var reader = new ProceduresReader(session, Options, Logger);
        await foreach (var item in reader.ReadAsync(firstPage, cancellationToken).ConfigureAwait(false))
        {
            yield return item;
        }
    }

    public async Task<IReadOnlyList<WriteOutcome>> WriteAsync(string stream, IReadOnlyList<OutboundMessage> batch, CancellationToken cancellationToken)
    {
        if (stream is not (DossiersStream or ProgressStream))
        {
            throw UnknownStream(stream, StreamDirection.Destination);
        }

        ThrowIfInvalid();
        if (batch.Count == 0)
        {
            return [];
        }

        NationalPortalLog.WriteStarted(Logger, stream, batch.Count);
        var statuses = new StatusMapper(Options.StatusMap);
        var zone = DvcqgDateFormat.ResolveTimeZone(Options.TimeZone!);
        using var session = new NationalPortalSession(_api, Logger);
        var outcomes = stream == DossiersStream
            ? await new DossiersWriter(session, new DossierMapper(statuses, zone), Options.MaxParallelWrites, Logger)
                .WriteAsync(batch, cancellationToken).ConfigureAwait(false)
            : await new ProgressWriter(session, new ProgressMapper(statuses, zone), Options.MaxParallelWrites)
                .WriteAsync(batch, cancellationToken).ConfigureAwait(false);
        NationalPortalLog.WriteCompleted(Logger, stream, batch.Count, outcomes.Count(o => !o.Delivered));
        return outcomes;
    }

    /// <summary>The annotated settings, and what writing needs: the status table and the time zone.</summary>
    protected override IReadOnlyList<string> ParameterProblems() =>
        [.. base.ParameterProblems(), .. NationalPortalOptionsValidator.WritingProblems(Options)];

    protected override Task CheckConnectivityAsync(CancellationToken cancellationToken) => _api.LoginAsync(cancellationToken);
}
