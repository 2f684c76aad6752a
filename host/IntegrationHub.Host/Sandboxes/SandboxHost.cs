using IntegrationHub.Contracts;

namespace IntegrationHub.Host.Sandboxes;

/// <summary>Starts the registered sandboxes (counterparty twins) in development runs, before flows start.</summary>
public sealed class SandboxHost(IReadOnlyList<SandboxRegistration> registrations, IServiceProvider services, IConfiguration configuration, ILogger<SandboxHost> logger) : IHostedService, IAsyncDisposable
{
    private readonly List<IConnectorSandbox> _running = [];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!configuration.GetValue<bool>("Sandboxes:Enabled"))
        {
            return;
        }

        foreach (var registration in registrations)
        {
            var sandbox = registration.Create(services);
            var address = await sandbox.StartAsync(cancellationToken);
            _running.Add(sandbox);
            logger.LogInformation("Sandbox of {Connector} listening on {Address}", registration.ConnectorId, address);
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken) => await DisposeAsync();

    public async ValueTask DisposeAsync()
    {
        foreach (var sandbox in _running)
        {
            await sandbox.DisposeAsync();
        }

        _running.Clear();
    }
}
