using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Nodes;
using IntegrationHub.Connectors.IGate.Sandbox;
using IntegrationHub.Connectors.IGate.Sandbox.Dossiers;
using IntegrationHub.Connectors.IGate.Sandbox.ECopies;
using IntegrationHub.Connectors.Kit;
using IntegrationHub.Connectors.Sandboxing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace IntegrationHub.Connectors.IGate;

/// <summary>An in-process twin of iGate: its procedure catalogue (idempotency by key, per-code write counts, rule-based
/// rejections), its dossiers with their progress, served as keyset-paginated change feeds, and the fee payments,
/// evaluations and citizen checks written against those dossiers (idempotency by key, write counts per MaThamChieu and
/// per MaHoSo), and certified e-copies kept once per certificate number with their file's SHA-256. Real HTTP on
/// 127.0.0.1, state in memory, fault injection. Thread-safe: each kind of state sits behind its own lock. <c>GET /sandbox/stats</c> is the catalogue's counts (<c>?details=true</c>: writes per code).</summary>
public sealed class IGateSandbox : SandboxBase<IGateSandboxOptions>
{
    private readonly IGateCatalogue _catalogue;
    private readonly ECopyShelf _eCopies;

    /// <param name="timeProvider">Stamps dossier changes and drives the background feed; the system clock when null.</param>
    public IGateSandbox(IGateSandboxOptions options, TimeProvider? timeProvider = null)
        : base(IGateConnector.ConnectorId, options, timeProvider)
    {
        _catalogue = new IGateCatalogue(Writes, options.RejectCodes);
        _eCopies = new ECopyShelf(Writes);
        Dossiers = new IGateDossierSet(new DossierStore(Clock, options.Seed, options.Applicants ?? new IGateApplicantOptions()), Writes, Clock);
    }

    /// <summary>The dossiers and progress the change feeds serve; usable before <see cref="SandboxBase{TOptions}.StartAsync"/>.</summary>
    public IGateDossierSet Dossiers { get; }

    public IGateSandboxStats Stats() => _catalogue.CatalogueStats();

    /// <summary>How many distinct procedures iGate holds: a count, unlike <see cref="Stats"/>, which walks every key and
    /// holds off writes meanwhile, so it can be asked often while a sync is measured.</summary>
    public int ProcedureCount() => _catalogue.ProcedureCount();

    /// <summary>Applied writes per MaTTHC code.</summary>
    public IReadOnlyDictionary<string, int> WriteCounts() => _catalogue.WriteCounts();

    /// <summary>What the payments stream was sent and applied.</summary>
    public IGateWriteStats PaymentStats() => Dossiers.PaymentLedger.Stats();

    /// <summary>Applied payment writes per MaThamChieu (1 each when every payment was applied exactly once).</summary>
    public IReadOnlyDictionary<string, int> PaymentWriteCounts() => Dossiers.PaymentLedger.WriteCounts();

    /// <summary>What the evaluations stream was sent and applied.</summary>
    public IGateWriteStats EvaluationStats() => Dossiers.EvaluationBook.Stats();

    /// <summary>Applied evaluation writes per MaHoSo.</summary>
    public IReadOnlyDictionary<string, int> EvaluationWriteCounts() => Dossiers.EvaluationBook.WriteCounts();

    /// <summary>What the citizen-checks stream was sent and applied.</summary>
    public IGateWriteStats CitizenCheckStats() => Dossiers.CitizenCheckBook.Stats();

    /// <summary>The certified copy kept under a certificate number (its Sha256 what iGate computed of the file received).</summary>
    public IGateECopy? ECopy(string soChungThuc) => _eCopies.Find(soChungThuc);

    /// <summary>A copy of the stored procedure, in iGate's shape.</summary>
    public bool TryGetProcedure(string code, [NotNullWhen(true)] out JsonObject? procedure)
    {
        procedure = _catalogue.Find(code);
        return procedure is not null;
    }

    /// <summary>Replaces the codes rejected with IGATE-422 (e.g. to "fix the rule" after a dead-letter test).</summary>
    public void SetRejectCodes(IEnumerable<string> codes) => _catalogue.SetRejectCodes(codes);

    protected override IReadOnlyList<string> OptionsProblems()
    {
        if (Options.Dossiers is null || Options.Applicants is null)
        {
            return [.. base.OptionsProblems(), "Sandboxes:igate:Dossiers and Sandboxes:igate:Applicants are required."];
        }

        return [.. base.OptionsProblems(), .. OptionsValidation.Problems(Options.Dossiers), .. OptionsValidation.Problems(Options.Applicants)];
    }

    protected override void OnStarting() =>
        Dossiers.Store.Generate(Options.Dossiers.InitialCount, Options.Dossiers.InitialMaxStatusChanges, exact: false);

    /// <summary>The live demo's activity: every <see cref="IGateDossierFeedOptions.GenerateEvery"/>, a few new dossiers
    /// and a few steps on open ones; the counts are read each tick, so they can be turned up or down while it runs.</summary>
    protected override void OnStarted(Uri address) => Every(Options.Dossiers.GenerateEvery, () =>
    {
        Dossiers.Store.Generate(Options.Dossiers.NewPerTick, 0, exact: true);
        Dossiers.Store.AdvanceSome(Options.Dossiers.AdvancesPerTick);
    });

    /// <summary>The connector talks to this sandbox with the credentials it accepts.</summary>
    protected override IEnumerable<KeyValuePair<string, string?>> Credentials() => [new("ApiKey", Options.ApiKey)];

    protected override void Map(WebApplication app)
    {
        IGateApiEndpoints.Map(app, _catalogue, Dossiers, _eCopies, Options.ApiKey);
        IGateControlEndpoints.Map(app, _catalogue);
        IGateWriteControlEndpoints.Map(app, Dossiers);
        IGateDossierControlEndpoints.Map(app, Dossiers);
    }

    protected override JsonObject? OwnStats(IQueryCollection query)
    {
        var stats = ToJsonObject(_catalogue.CatalogueStats());
        if (bool.TryParse(query["details"], out var details) && details)
        {
            stats["writeCounts"] = JsonSerializer.SerializeToNode(_catalogue.WriteCounts(), JsonSerializerOptions.Web);
        }

        return stats;
    }
}
