using IntegrationHub.Connectors.Sandboxing;
using IntegrationHub.Contracts;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrationHub.Connectors.TestKit;

/// <summary>One connector and its sandbox, started on 127.0.0.1, made through the connector's module.</summary>
public sealed class AcceptanceRig : IAsyncDisposable
{
    private readonly ConnectorAcceptanceProfile _profile;
    private readonly AcceptanceHubBuilder _hub;
    private readonly ServiceProvider _services;
    private readonly List<IConnector> _connectors = [];

    private AcceptanceRig(ConnectorAcceptanceProfile profile, AcceptanceHubBuilder hub, ServiceProvider services, IConnectorSandbox sandbox, Uri address)
    {
        _profile = profile;
        _hub = hub;
        _services = services;
        Sandbox = sandbox;
        Address = address;
    }

    public IConnectorSandbox Sandbox { get; }

    public Uri Address { get; }

    /// <summary>The sandbox's books and fault settings (every sandbox built on the kit's sandbox base has them).</summary>
    public ISandboxControls Controls => Sandbox as ISandboxControls
        ?? throw new InvalidOperationException($"The {_profile.ConnectorId} sandbox is not built on the kit's SandboxBase: the suite cannot count its writes or inject faults.");

    public Type OptionsType => _hub.OptionsType(_profile.ConnectorId);

    public static async Task<AcceptanceRig> StartAsync(ConnectorAcceptanceProfile profile)
    {
        var hub = new AcceptanceHubBuilder();
        profile.Module.Register(hub);
        hub.Services.AddLogging().AddSingleton(TimeProvider.System);
        profile.Services?.Invoke(hub.Services);
        var services = hub.Services.BuildServiceProvider();
        // A fixed fault seed unless the profile gives one: the fault check injects the same faults on every run.
        var sandboxSettings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase) { ["Faults:Seed"] = "20261204" };
        foreach (var (key, value) in profile.SandboxSettings)
        {
            sandboxSettings[key] = value;
        }

        var sandbox = hub.CreateSandbox(profile.ConnectorId, services, Settings("Sandboxes", profile.ConnectorId, sandboxSettings));
        try
        {
            var address = await sandbox.StartAsync(CancellationToken.None);
            return new AcceptanceRig(profile, hub, services, sandbox, address);
        }
        catch
        {
            await sandbox.DisposeAsync();
            await services.DisposeAsync();
            throw;
        }
    }

    /// <summary>The connector pointed at the sandbox with the settings it accepts, then the profile's, then
    /// <paramref name="overrides"/>.</summary>
    public IConnector Connector(IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var settings = new Dictionary<string, string?>(Sandbox.ConnectorSettings(Address), StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in _profile.ConnectorSettings.Concat(overrides ?? new Dictionary<string, string?>()))
        {
            settings[key] = value;
        }

        var connector = _hub.CreateConnector(_profile.ConnectorId, _services, Settings("Connectors", _profile.ConnectorId, settings));
        _connectors.Add(connector);
        return connector;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var connector in _connectors.OfType<IDisposable>())
        {
            connector.Dispose();
        }

        await Sandbox.DisposeAsync();
        await _services.DisposeAsync();
    }

    private static IConfiguration Settings(string root, string id, IEnumerable<KeyValuePair<string, string?>> settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => KeyValuePair.Create($"{root}:{id}:{s.Key}", s.Value))).Build();
}
