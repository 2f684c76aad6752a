using System.ComponentModel.DataAnnotations;
using IntegrationHub.Connectors.NationalPortal.Mapping;
using IntegrationHub.Connectors.NationalPortal.Sandbox.Catalogue;
using IntegrationHub.Connectors.NationalPortal.Sandbox.Dossiers;
using IntegrationHub.Connectors.Sandboxing;
using IntegrationHub.Contracts;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace IntegrationHub.Connectors.NationalPortal.Sandbox;

/// <summary>An in-process National Portal (DVCQG) on 127.0.0.1: session login, the procedure catalogue
/// (LayDanhSachTTHC, LayThuTuc) generated from a seed, a validating dossier store (TraCuuHoSo, DongBoHoSoMC,
/// CapNhatTienDoHoSoMC) that applies each IdempotencyKey once, session expiry, fault injection, a reject rule and a
/// control surface. The protocol choices are listed on <see cref="SandboxPortalApi"/> and <see cref="SandboxDossierApi"/>.</summary>
public sealed class NationalPortalSandbox : IConnectorSandbox
{
    private readonly NationalPortalSandboxOptions _options;
    private readonly ILogger<NationalPortalSandbox> _logger;
    private readonly TimeProvider _timeProvider;
    private readonly SandboxFaultInjector _faults;
    private readonly SandboxCallCounters _counters = new();
    private readonly SandboxDossierStore _dossiers;
    private readonly Lazy<ProcedureCatalogue> _catalogue;
    private readonly SandboxServer _server = new();

    public NationalPortalSandbox(
        NationalPortalSandboxOptions options,
        ILogger<NationalPortalSandbox>? logger = null,
        TimeProvider? timeProvider = null)
    {
        _options = options;
        _logger = logger ?? NullLogger<NationalPortalSandbox>.Instance;
        _timeProvider = timeProvider ?? TimeProvider.System;

        // The injector keeps options.Faults itself, so changing it (here or via PUT /sandbox/faults) applies at once.
        _faults = new SandboxFaultInjector(options.Faults);
        _dossiers = new SandboxDossierStore(options.RejectRule?.RejectEveryNth ?? 0);
        _catalogue = new Lazy<ProcedureCatalogue>(() => new ProcedureCatalogue(options.ProcedureCount, options.Seed));
    }

    public string ConnectorId => NationalPortalConnector.ConnectorId;

    /// <summary>The connector talks to this sandbox with its URL and the credentials it accepts.</summary>
    public IReadOnlyDictionary<string, string?> ConnectorSettings(Uri baseAddress) =>
        new Dictionary<string, string?> { ["BaseUrl"] = baseAddress.ToString(), ["Username"] = _options.Username, ["Password"] = _options.Password };

    /// <summary>The base address once started.</summary>
    public Uri? BaseAddress => _server.BaseAddress;

    /// <summary>Codes (MaTTHC) of the generated procedures, in the order the portal lists them.</summary>
    public IReadOnlyList<string> ProcedureCodes => _catalogue.Value.Codes;

    public NationalPortalSandboxStats Stats => _counters.Snapshot(
        _catalogue.Value.Count,
        _faults.Counts().ToDictionary(pair => pair.Key.ToString(), pair => pair.Value));

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

    public async Task<Uri> StartAsync(CancellationToken cancellationToken)
    {
        ThrowIfInvalid();
        var catalogue = _catalogue.Value;
        var portal = new SandboxPortalApi(
            _options, catalogue, new SandboxSessionStore(_options, _timeProvider), _counters, new SandboxDossierApi(_dossiers));
        var control = new SandboxControlApi(_faults, () => Stats);
        var dossierControl = new SandboxDossierControlApi(_dossiers);
        var address = await _server.StartAsync(
            _options.Port,
            _faults,
            app =>
            {
                portal.Map(app);
                control.Map(app);
                dossierControl.Map(app);
            },
            cancellationToken).ConfigureAwait(false);
        SandboxLog.Started(_logger, address, catalogue.Count);
        return address;
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private void ThrowIfInvalid()
    {
        var problems = new List<ValidationResult>();
        Validator.TryValidateObject(_options, new ValidationContext(_options), problems, validateAllProperties: true);
        if (_options.RejectRule is { } rule)
        {
            Validator.TryValidateObject(rule, new ValidationContext(rule), problems, validateAllProperties: true);
        }

        var messages = problems.Select(p => p.ErrorMessage)
            .Concat(_options.SessionLifetime <= TimeSpan.Zero ? ["The SessionLifetime field must be positive."] : [])
            .ToList();
        if (messages.Count > 0)
        {
            throw new InvalidOperationException($"National Portal sandbox options are invalid: {string.Join(" ", messages)}");
        }
    }
}
