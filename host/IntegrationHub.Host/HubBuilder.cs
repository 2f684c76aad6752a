using IntegrationHub.Contracts;
using IntegrationHub.Host.Configuration;
using IntegrationHub.Host.Delivery;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Host;

/// <summary>Registers connectors and sandboxes: options bound per connector id, an HttpClient whose handler runs the
/// counterparty's Polly pipeline, and the connector as a keyed singleton.</summary>
public sealed class HubBuilder(IServiceCollection services, IConfiguration configuration) : IHubBuilder
{
    private readonly List<ConnectorRegistration> _connectors = [];
    private readonly List<SandboxRegistration> _sandboxes = [];

    public IServiceCollection Services { get; } = services;

    public IConfiguration Configuration { get; } = configuration;

    public IReadOnlyList<ConnectorRegistration> Connectors => _connectors;

    public IReadOnlyList<SandboxRegistration> Sandboxes => _sandboxes;

    public IHubBuilder AddConnector<TConnector, TOptions>(string connectorId)
        where TConnector : class, IConnector
        where TOptions : class
    {
        if (_connectors.Any(c => c.Id == connectorId))
        {
            throw new InvalidOperationException($"Connector '{connectorId}' is registered twice.");
        }

        Services.AddOptions<TOptions>(connectorId).Bind(Configuration.GetSection($"Connectors:{connectorId}"));
        Services.AddOptions<CounterpartyResilienceOptions>(connectorId).Bind(Configuration.GetSection($"Connectors:{connectorId}:Resilience"));
        Services.AddHttpClient(connectorId, client => client.Timeout = Timeout.InfiniteTimeSpan)
            // Connectors keep their client for the host's life: recycle connections so DNS changes are seen.
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
            .AddHttpMessageHandler(sp => new CounterpartyResilienceHandler(sp.GetRequiredService<CounterpartyPipelines>().Get(connectorId)));
        Services.AddKeyedSingleton<IConnector>(connectorId, (sp, _) => ActivatorUtilities.CreateInstance<TConnector>(
            sp,
            sp.GetRequiredService<IOptionsMonitor<TOptions>>().Get(connectorId),
            TakesHttpClient(typeof(TConnector))
                ? sp.GetRequiredService<IHttpClientFactory>().CreateClient(connectorId)
                : CounterpartyHandler(sp, connectorId)));
        _connectors.Add(new ConnectorRegistration(connectorId,
            sp => sp.GetRequiredService<IOptionsMonitor<TOptions>>().Get(connectorId)));
        return this;
    }

    /// <summary>A connector whose client builds its own HTTP stack (WCF) takes a handler wrapper instead of an
    /// HttpClient: the counterparty's pipeline is put around the handler the client makes.</summary>
    private static bool TakesHttpClient(Type connector) =>
        connector.GetConstructors().Any(c => c.GetParameters().Any(p => p.ParameterType == typeof(HttpClient)));

    private static Func<HttpMessageHandler, HttpMessageHandler> CounterpartyHandler(IServiceProvider services, string connectorId) =>
        inner => new CounterpartyResilienceHandler(services.GetRequiredService<CounterpartyPipelines>().Get(connectorId)) { InnerHandler = inner };

    public IHubBuilder AddSandbox<TSandbox, TOptions>(string connectorId)
        where TSandbox : class, IConnectorSandbox
        where TOptions : class
    {
        Services.AddOptions<TOptions>(connectorId).Bind(Configuration.GetSection($"Sandboxes:{connectorId}"));
        _sandboxes.Add(new SandboxRegistration(connectorId,
            sp => ActivatorUtilities.CreateInstance<TSandbox>(sp, sp.GetRequiredService<IOptionsMonitor<TOptions>>().Get(connectorId))));
        return this;
    }
}
