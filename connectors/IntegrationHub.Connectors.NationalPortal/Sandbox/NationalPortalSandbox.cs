using System.Text.Json.Nodes;
using IntegrationHub.Connectors.Kit;
using IntegrationHub.Connectors.NationalPortal.Mapping;
using IntegrationHub.Connectors.NationalPortal.Sandbox.Catalogue;
using IntegrationHub.Connectors.NationalPortal.Sandbox.Dossiers;
using IntegrationHub.Connectors.Sandboxing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace IntegrationHub.Connectors.NationalPortal.Sandbox;

/// <summary>An in-process National Portal (DVCQG) on 127.0.0.1: session login, the procedure catalogue
/// (LayDanhSachTTHC, LayThuTuc) generated from a seed, a validating dossier store (TraCuuHoSo, DongBoHoSoMC,
/// CapNhatTienDoHoSoMC) that applies each IdempotencyKey once, session expiry, fault injection, a reject rule and a
/// control surface (<c>GET /sandbox/stats</c>: <see cref="Stats"/>). The protocol choices are listed on
/// <see cref="SandboxPortalApi"/> and <see cref="SandboxDossierApi"/>.</summary>
public sealed class NationalPortalSandbox : SandboxBase<NationalPortalSandboxOptions>
{
    private readonly ILogger<NationalPortalSandbox> _logger;
    private readonly TimeProvider _timeProvider;
    private readonly SandboxCallCounters _counters = new();
    private readonly SandboxDossierStore _dossiers;
    private readonly Lazy<ProcedureCatalogue> _catalogue;

    public NationalPortalSandbox(
        NationalPortalSandboxOptions options,
        ILogger<NationalPortalSandbox>? logger = null,
        TimeProvider? timeProvider = null)
        : base(NationalPortalConnector.ConnectorId, options)
    {
        _logger = logger ?? NullLogger<NationalPortalSandbox>.Instance;
        _timeProvider = timeProvider ?? TimeProvider.System;
        _dossiers = new SandboxDossierStore(Writes, options.RejectRule?.RejectEveryNth ?? 0);
        _catalogue = new Lazy<ProcedureCatalogue>(() => new ProcedureCatalogue(options.ProcedureCount, options.Seed));
    }

    /// <summary>Codes (MaTTHC) of the generated procedures, in the order the portal lists them.</summary>
    public IReadOnlyList<string> ProcedureCodes => _catalogue.Value.Codes;

    /// <summary>Publishes <paramref name="count"/> new procedures, as the ministries do; they take their place in the
    /// listing's code order.</summary>
    /// <returns>The new codes (MaTTHC).</returns>
    public IReadOnlyList<string> PublishProcedures(int count) => _catalogue.Value.Add(count);

    public NationalPortalSandboxStats Stats => _counters.Snapshot(
        _catalogue.Value.Count,
        FaultCounts().ToDictionary(pair => pair.Key.ToString(), pair => pair.Value));

    /// <summary>Dossiers, progress, duplicates, rejections and order violations so far.</summary>
    public NationalPortalDossierStats DossierStats => _dossiers.Stats();

    /// <summary>The reject rule in force (a copy).</summary>
    public NationalPortalRejectRule RejectRule => new() { RejectEveryNth = _dossiers.RejectEveryNth };

    /// <summary>One stored dossier with its status history and progress, or null.</summary>
    public NationalPortalDossierView? FindDossier(string maHoSo) => _dossiers.View(maHoSo);

    /// <summary>Replaces the reject rule at once (as <c>PUT /sandbox/reject-rule</c> does); 0 "fixes the rule".</summary>
    public void SetRejectRule(NationalPortalRejectRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentOutOfRangeException.ThrowIfNegative(rule.RejectEveryNth, nameof(rule));
        _dossiers.RejectEveryNth = rule.RejectEveryNth;
    }

    /// <summary>Stores a dossier as if it had reached the portal another way (filed on the portal itself, or pushed
    /// by another system), without an idempotency key. Lets a test meet "already exists" on a create.</summary>
    /// <param name="trangThaiHoSo">0..10.</param>
    /// <exception cref="InvalidOperationException">The sandbox already has the dossier.</exception>
    public void SeedDossier(string maHoSo, string maTTHC, int trangThaiHoSo)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(maHoSo);
        ArgumentOutOfRangeException.ThrowIfLessThan(trangThaiHoSo, StatusMapper.MinCode);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(trangThaiHoSo, StatusMapper.MaxCode);
        _dossiers.Seed(new SandboxDossierItem(maHoSo, maTTHC, null, trangThaiHoSo, null, null, null, null, null));
    }

    protected override IReadOnlyList<string> OptionsProblems()
    {
        var problems = new List<string>(base.OptionsProblems());
        if (Options.RejectRule is { } rule)
        {
            problems.AddRange(OptionsValidation.Problems(rule));
        }

        if (Options.SessionLifetime <= TimeSpan.Zero)
        {
            problems.Add("The SessionLifetime field must be positive.");
        }

        return problems;
    }

    /// <summary>The connector talks to this sandbox with the credentials it accepts.</summary>
    protected override IEnumerable<KeyValuePair<string, string?>> Credentials() => [new("Username", Options.Username), new("Password", Options.Password)];

    protected override void Map(WebApplication app)
    {
        new SandboxPortalApi(Options, _catalogue.Value, new SandboxSessionStore(Options, _timeProvider), _counters, new SandboxDossierApi(_dossiers)).Map(app);
        new SandboxDossierControlApi(_dossiers).Map(app);
    }

    protected override void OnStarted(Uri address) => SandboxLog.Started(_logger, address, _catalogue.Value.Count);

    protected override JsonObject? OwnStats(IQueryCollection query) => ToJsonObject(Stats);
}
