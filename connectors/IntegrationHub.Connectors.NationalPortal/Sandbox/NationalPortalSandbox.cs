using System.ComponentModel.DataAnnotations;
using IntegrationHub.Connectors.NationalPortal.Sandbox.Catalogue;
using IntegrationHub.Connectors.Sandboxing;
using IntegrationHub.Contracts;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace IntegrationHub.Connectors.NationalPortal.Sandbox;

/// <summary>An in-process National Portal (DVCQG) on 127.0.0.1: session login, the procedure catalogue
/// (LayDanhSachTTHC, LayThuTuc) generated from a seed, session expiry, fault injection and a control surface.
/// The protocol choices are listed on <see cref="SandboxPortalApi"/>.</summary>
public sealed class NationalPortalSandbox : IConnectorSandbox
{
    private readonly NationalPortalSandboxOptions _options;
    private readonly ILogger<NationalPortalSandbox> _logger;
    private readonly TimeProvider _timeProvider;
    private readonly SandboxFaultInjector _faults;
    private readonly SandboxCallCounters _counters = new();
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
        _catalogue = new Lazy<ProcedureCatalogue>(() => new ProcedureCatalogue(options.ProcedureCount, options.Seed));
    }

    public string ConnectorId => NationalPortalConnector.ConnectorId;

    /// <summary>The base address once started.</summary>
    public Uri? BaseAddress => _server.BaseAddress;

    /// <summary>Codes (MaTTHC) of the generated procedures, in the order the portal lists them.</summary>
    public IReadOnlyList<string> ProcedureCodes => _catalogue.Value.Codes;

    public NationalPortalSandboxStats Stats => _counters.Snapshot(
        _catalogue.Value.Count,
        _faults.Counts().ToDictionary(pair => pair.Key.ToString(), pair => pair.Value));

    public async Task<Uri> StartAsync(CancellationToken cancellationToken)
    {
        var problems = new List<ValidationResult>();
        if (!Validator.TryValidateObject(_options, new ValidationContext(_options), problems, validateAllProperties: true)
            | _options.SessionLifetime <= TimeSpan.Zero)
        {
            var messages = problems.Select(p => p.ErrorMessage)
                .Concat(_options.SessionLifetime <= TimeSpan.Zero ? ["The SessionLifetime field must be positive."] : []);
            throw new InvalidOperationException($"National Portal sandbox options are invalid: {string.Join(" ", messages)}");
        }

        var catalogue = _catalogue.Value;
        var portal = new SandboxPortalApi(_options, catalogue, new SandboxSessionStore(_options, _timeProvider), _counters);
        var control = new SandboxControlApi(_faults, () => Stats);
        var address = await _server.StartAsync(
            _options.Port,
            _faults,
            app =>
            {
                portal.Map(app);
                control.Map(app);
            },
            cancellationToken).ConfigureAwait(false);
        SandboxLog.Started(_logger, address, catalogue.Count);
        return address;
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
