using System.ComponentModel.DataAnnotations;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Nodes;
using IntegrationHub.Connectors.IGate.Sandbox;
using IntegrationHub.Connectors.IGate.Sandbox.Dossiers;
using IntegrationHub.Connectors.Sandboxing;
using IntegrationHub.Contracts;

namespace IntegrationHub.Connectors.IGate;

/// <summary>An in-process twin of iGate: its procedure catalogue (idempotency by key, per-code write counts, rule-based
/// rejections), its dossiers with their progress, served as keyset-paginated change feeds, and the fee payments and
/// evaluations written against those dossiers (idempotency by key, write counts per MaThamChieu and per MaHoSo). Real HTTP on 127.0.0.1,
/// state in memory, fault injection. Thread-safe: each kind of state sits behind its own lock.</summary>
public sealed class IGateSandbox : IConnectorSandbox
{
    private readonly IGateSandboxOptions _options;
    private readonly IGateCatalogue _catalogue;
    private readonly SandboxFaultInjector _faults;
    private readonly DossierFeed _feed;
    private readonly SandboxServer _server = new();

    /// <param name="timeProvider">Stamps dossier changes and drives the background feed; the system clock when null.</param>
    public IGateSandbox(IGateSandboxOptions options, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _catalogue = new IGateCatalogue(options.RejectCodes);
        _faults = new SandboxFaultInjector(options.Faults);
        var clock = timeProvider ?? TimeProvider.System;
        Dossiers = new IGateDossierSet(new DossierStore(clock, options.Seed, options.Applicants ?? new IGateApplicantOptions()), clock);
        _feed = new DossierFeed(Dossiers.Store, options.Dossiers ?? new IGateDossierFeedOptions(), clock);
    }

    public string ConnectorId => IGateConnector.ConnectorId;

    /// <summary>The connector talks to this sandbox with its URL and the credentials it accepts.</summary>
    public IReadOnlyDictionary<string, string?> ConnectorSettings(Uri baseAddress) =>
        new Dictionary<string, string?> { ["BaseUrl"] = baseAddress.ToString(), ["ApiKey"] = _options.ApiKey };

    /// <summary>Null until started.</summary>
    public Uri? BaseAddress => _server.BaseAddress;

    /// <summary>The live fault settings (the same instance as <see cref="IGateSandboxOptions.Faults"/>): changes apply to the next call.</summary>
    public SandboxFaultOptions Faults => _faults.Options;

    /// <summary>The dossiers and progress the change feeds serve; usable before <see cref="StartAsync"/>.</summary>
    public IGateDossierSet Dossiers { get; }

    public async Task<Uri> StartAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(_options.ApiKey))
        {
            throw new InvalidOperationException("Sandboxes:igate:ApiKey must be set: the iGate sandbox only answers calls that carry it.");
        }

        if (_server.BaseAddress is not null)
        {
            throw new InvalidOperationException("The iGate sandbox is already started.");
        }

        var problems = new List<ValidationResult>();
        if (_options.Dossiers is null || _options.Applicants is null
            || !Validator.TryValidateObject(_options.Dossiers, new ValidationContext(_options.Dossiers), problems, validateAllProperties: true)
            | !Validator.TryValidateObject(_options.Applicants, new ValidationContext(_options.Applicants), problems, validateAllProperties: true))
        {
            var messages = problems.Select(p => p.ErrorMessage).DefaultIfEmpty("Sandboxes:igate:Dossiers and Sandboxes:igate:Applicants are required.");
            throw new InvalidOperationException($"iGate sandbox options are invalid: {string.Join(" ", messages)}");
        }

        Dossiers.Store.Generate(_options.Dossiers.InitialCount, _options.Dossiers.InitialMaxStatusChanges, exact: false);
        var address = await _server.StartAsync(_options.Port, _faults, Map, cancellationToken);
        _feed.Start();
        return address;
    }

    public IGateSandboxStats Stats() => _catalogue.Stats();

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

    /// <summary>A copy of the stored procedure, in iGate's shape.</summary>
    public bool TryGetProcedure(string code, [NotNullWhen(true)] out JsonObject? procedure)
    {
        procedure = _catalogue.Find(code);
        return procedure is not null;
    }

    /// <summary>Replaces the codes rejected with IGATE-422 (e.g. to "fix the rule" after a dead-letter test).</summary>
    public void SetRejectCodes(IEnumerable<string> codes) => _catalogue.SetRejectCodes(codes);

    public IReadOnlyDictionary<SandboxFaultKind, int> FaultCounts() => _faults.Counts();

    public async ValueTask DisposeAsync()
    {
        await _feed.DisposeAsync();
        await _server.DisposeAsync();
    }

    private void Map(Microsoft.AspNetCore.Builder.WebApplication app)
    {
        IGateApiEndpoints.Map(app, _catalogue, Dossiers, _options.ApiKey);
        IGateControlEndpoints.Map(app, _catalogue, _faults);
        IGateWriteControlEndpoints.Map(app, Dossiers);
        IGateDossierControlEndpoints.Map(app, Dossiers);
    }
}
