using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Nodes;
using IntegrationHub.Connectors.IGate.Sandbox;
using IntegrationHub.Connectors.Sandboxing;
using IntegrationHub.Contracts;

namespace IntegrationHub.Connectors.IGate;

/// <summary>An in-process twin of iGate's procedure catalogue: real HTTP on 127.0.0.1, state in memory, idempotency by
/// key, per-code write counts, rule-based rejections and fault injection. Thread-safe: state sits behind a lock.</summary>
public sealed class IGateSandbox : IConnectorSandbox
{
    private readonly IGateSandboxOptions _options;
    private readonly IGateCatalogue _catalogue;
    private readonly SandboxFaultInjector _faults;
    private readonly SandboxServer _server = new();

    public IGateSandbox(IGateSandboxOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _catalogue = new IGateCatalogue(options.RejectCodes);
        _faults = new SandboxFaultInjector(options.Faults);
    }

    public string ConnectorId => IGateConnector.ConnectorId;

    /// <summary>Null until started.</summary>
    public Uri? BaseAddress => _server.BaseAddress;

    /// <summary>The live fault settings (the same instance as <see cref="IGateSandboxOptions.Faults"/>): changes apply to the next call.</summary>
    public SandboxFaultOptions Faults => _faults.Options;

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

        return await _server.StartAsync(_options.Port, _faults, Map, cancellationToken);
    }

    public IGateSandboxStats Stats() => _catalogue.Stats();

    /// <summary>Applied writes per MaTTHC code.</summary>
    public IReadOnlyDictionary<string, int> WriteCounts() => _catalogue.WriteCounts();

    /// <summary>A copy of the stored procedure, in iGate's shape.</summary>
    public bool TryGetProcedure(string code, [NotNullWhen(true)] out JsonObject? procedure)
    {
        procedure = _catalogue.Find(code);
        return procedure is not null;
    }

    /// <summary>Replaces the codes rejected with IGATE-422 (e.g. to "fix the rule" after a dead-letter test).</summary>
    public void SetRejectCodes(IEnumerable<string> codes) => _catalogue.SetRejectCodes(codes);

    public IReadOnlyDictionary<SandboxFaultKind, int> FaultCounts() => _faults.Counts();

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private void Map(Microsoft.AspNetCore.Builder.WebApplication app)
    {
        IGateApiEndpoints.Map(app, _catalogue, _options.ApiKey);
        IGateControlEndpoints.Map(app, _catalogue, _faults);
    }
}
