using IntegrationHub.Contracts;

namespace IntegrationHub.Host.Sandboxes;

/// <summary>Starts the registered sandboxes (counterparty twins) in development runs, before the settings are checked,
/// and wires each connector to its sandbox: whatever <c>Connectors:{id}</c> leaves empty (URL, keys) is taken from
/// <see cref="IConnectorSandbox.ConnectorSettings"/>. No sandbox port or key has to be typed twice.</summary>
public sealed class SandboxHost(IReadOnlyList<SandboxRegistration> registrations, IServiceProvider services, IConfiguration configuration, ILogger<SandboxHost> logger) : IHostedService, IAsyncDisposable
{
    private readonly List<IConnectorSandbox> _running = [];
    private bool _started;

    public async Task StartSandboxesAsync(IConfigurationBuilder wiring, CancellationToken cancellationToken)
    {
        if (_started || !configuration.GetValue<bool>("Sandboxes:Enabled"))
        {
            return;
        }

        _started = true;
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var registration in registrations)
        {
            var sandbox = registration.Create(services);
            Uri address;
            try
            {
                address = await sandbox.StartAsync(cancellationToken);
            }
            catch (IOException e) when (e.InnerException is Microsoft.AspNetCore.Connections.AddressInUseException or System.Net.Sockets.SocketException)
            {
                // Most often a second demo hub on the same machine: say so, not a stack trace.
                throw new HubStartupException(
                    $"The sandbox of {registration.ConnectorId} cannot listen: {e.Message} Another IntegrationHub (or another program) " +
                    $"uses that port: stop it, or give this sandbox another one (Sandboxes:{registration.ConnectorId}:Port).");
            }

            _running.Add(sandbox);
            logger.LogInformation("Sandbox of {Connector} listening on {Address}", registration.ConnectorId, address);
            Collect(settings, registration.ConnectorId, sandbox.ConnectorSettings(address));
        }

        wiring.AddInMemoryCollection(settings);
    }

    /// <summary>For a check without starting anything: each sandbox that would start is made (not started) and asked for
    /// its connector settings at a stand-in address, so a connector left to its sandbox is not reported unset.</summary>
    public void WireWithoutStarting(IConfigurationBuilder wiring)
    {
        if (!configuration.GetValue<bool>("Sandboxes:Enabled"))
        {
            return;
        }

        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var registration in registrations)
        {
            var sandbox = registration.Create(services);
            Collect(settings, registration.ConnectorId, sandbox.ConnectorSettings(new Uri("http://127.0.0.1/")));
            sandbox.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }

        wiring.AddInMemoryCollection(settings);
    }

    /// <summary>Sandboxes are started by <see cref="StartSandboxesAsync"/> before the host starts; stopping stops them.</summary>
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken) => await DisposeAsync();

    public async ValueTask DisposeAsync()
    {
        foreach (var sandbox in _running)
        {
            await sandbox.DisposeAsync();
        }

        _running.Clear();
    }

    /// <summary>The sandbox's settings for its connector, where the configuration leaves them empty.</summary>
    private void Collect(Dictionary<string, string?> settings, string connectorId, IReadOnlyDictionary<string, string?> offered)
    {
        foreach (var (key, value) in offered)
        {
            var path = $"Connectors:{connectorId}:{key}";
            if (string.IsNullOrEmpty(configuration[path]))
            {
                settings[path] = value;
            }
        }
    }
}
