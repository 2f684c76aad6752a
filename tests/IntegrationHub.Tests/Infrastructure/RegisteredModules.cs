using IntegrationHub.Contracts;
using IntegrationHub.Host;
using IntegrationHub.Host.Configuration;
using IntegrationHub.Host.Modules;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrationHub.Tests.Infrastructure;

/// <summary>What the hub registers, found the way the hub finds it (the modules beside the tests), so no test types a
/// connector list, a key or a port: a connector added to <c>connectors/</c> is in every test hub with valid settings.</summary>
public static class RegisteredModules
{
    /// <summary>Where test hubs point connectors that a test does not wire to a sandbox: nothing listens on port 9.</summary>
    public static readonly Uri Unreachable = new("http://127.0.0.1:9/");

    private static readonly Lazy<Snapshot> Registered = new(Read);

    public static IReadOnlyList<string> ConnectorIds => Registered.Value.ConnectorIds;

    public static IReadOnlyList<string> SandboxIds => Registered.Value.SandboxIds;

    /// <summary>The flows of <c>config/flows.json</c> that run on a schedule.</summary>
    public static IReadOnlyList<string> ScheduledFlowIds => Registered.Value.ScheduledFlowIds;

    /// <summary><c>Connectors:{id}:{key}</c> for every connector with a sandbox: its settings for that sandbox (made from
    /// the sandbox options in <c>config/connectors/</c>), at <see cref="Unreachable"/>.</summary>
    public static IReadOnlyDictionary<string, string?> ConnectorSettings => Registered.Value.ConnectorSettings;

    /// <summary>The value a registered sandbox accepts for one of its connector's settings (a key, a partner code).</summary>
    public static string Setting(string connectorId, string key) =>
        ConnectorSettings.TryGetValue($"Connectors:{connectorId}:{key}", out var value) && value is not null
            ? value
            : throw new InvalidOperationException($"No sandbox of a registered connector gives Connectors:{connectorId}:{key}.");

    private static Snapshot Read()
    {
        var configuration = new ConfigurationManager();
        HubConfigurationFiles.Load(configuration, Path.Combine(AppContext.BaseDirectory, "config"), "Testing", []);
        var services = new ServiceCollection().AddLogging().AddSingleton(TimeProvider.System).AddSingleton<IConfiguration>(configuration);
        var hub = new HubBuilder(services, configuration).AddModules(HubModuleCatalog.Discover(AppContext.BaseDirectory));
        using var provider = services.BuildServiceProvider();
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var registration in hub.Sandboxes)
        {
            // Made, never started: only its options are read.
            var sandbox = registration.Create(provider);
            foreach (var (key, value) in sandbox.ConnectorSettings(Unreachable))
            {
                settings[$"Connectors:{registration.ConnectorId}:{key}"] = value;
            }

            sandbox.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }

        return new Snapshot(
            [.. hub.Connectors.Select(c => c.Id)], [.. hub.Sandboxes.Select(s => s.ConnectorId)], [.. configuration.GetSection("Flows").GetChildren().Where(f => f["Schedule"] is not null).Select(f => f.Key)], settings);
    }

    private sealed record Snapshot(IReadOnlyList<string> ConnectorIds, IReadOnlyList<string> SandboxIds, IReadOnlyList<string> ScheduledFlowIds, IReadOnlyDictionary<string, string?> ConnectorSettings);
}
