using IntegrationHub.Contracts;
using IntegrationHub.Host.Configuration;
using IntegrationHub.Host.Delivery;
using IntegrationHub.Host.Modules;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Host;

/// <summary>What modules register through: connectors (options bound per connector id, an HttpClient whose handler runs
/// the counterparty's Polly pipeline, the connector as a keyed singleton), sandboxes, enrichers, recurring tasks,
/// endpoints and dashboard pages.</summary>
public sealed class HubBuilder(IServiceCollection services, IConfiguration configuration) : IHubBuilder
{
    private readonly List<ConnectorRegistration> _connectors = [];
    private readonly List<SandboxRegistration> _sandboxes = [];

    public IServiceCollection Services { get; } = services;

    public IConfiguration Configuration { get; } = configuration;

    public IReadOnlyList<ConnectorRegistration> Connectors => _connectors;

    public IReadOnlyList<SandboxRegistration> Sandboxes => _sandboxes;

    public ModuleContributions Contributions { get; } = new();

    /// <summary>Registers every module, in the order given (the catalog's: by assembly name).</summary>
    public HubBuilder AddModules(IEnumerable<IHubModule> modules)
    {
        foreach (var module in modules)
        {
            module.Register(this);
        }

        return this;
    }

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
            // The factory's own request logging (Information and Trace only, below the Warning the hub ships with) wraps
            // every call in two more handlers and a log scope; each call is already a span and a metric of the hub's.
            .RemoveAllLoggers()
            .AddHttpMessageHandler(sp => ResilienceHandler(sp, connectorId));
        Services.AddKeyedSingleton<TConnector>(connectorId, (sp, _) => ActivatorUtilities.CreateInstance<TConnector>(
            sp,
            sp.GetRequiredService<IOptionsMonitor<TOptions>>().Get(connectorId),
            TakesHttpClient(typeof(TConnector))
                ? sp.GetRequiredService<IHttpClientFactory>().CreateClient(connectorId)
                : CounterpartyHandler(sp, connectorId)));
        Services.AddKeyedSingleton<IConnector>(connectorId, (sp, key) => sp.GetRequiredKeyedService<TConnector>(key));
        _connectors.Add(new ConnectorRegistration(connectorId,
            sp => sp.GetRequiredService<IOptionsMonitor<TOptions>>().Get(connectorId)));
        return this;
    }

    /// <summary>A connector whose client builds its own HTTP stack (WCF) takes a handler wrapper instead of an
    /// HttpClient: the counterparty's pipeline is put around the handler the client makes.</summary>
    private static bool TakesHttpClient(Type connector) =>
        connector.GetConstructors().Any(c => c.GetParameters().Any(p => p.ParameterType == typeof(HttpClient)));

    private static Func<HttpMessageHandler, HttpMessageHandler> CounterpartyHandler(IServiceProvider services, string connectorId) =>
        inner =>
        {
            var handler = ResilienceHandler(services, connectorId);
            handler.InnerHandler = inner;
            return handler;
        };

    private static CounterpartyResilienceHandler ResilienceHandler(IServiceProvider services, string connectorId) =>
        new(services.GetRequiredService<CounterpartyPipelines>().Get(connectorId), connectorId,
            services.GetRequiredService<Observability.CounterpartyCallRecorder>(), services.GetRequiredService<TimeProvider>());

    public IHubBuilder AddSandbox<TSandbox, TOptions>(string connectorId)
        where TSandbox : class, IConnectorSandbox
        where TOptions : class
    {
        Services.AddOptions<TOptions>(connectorId).Bind(Configuration.GetSection($"Sandboxes:{connectorId}"));
        _sandboxes.Add(new SandboxRegistration(connectorId,
            sp => ActivatorUtilities.CreateInstance<TSandbox>(sp, sp.GetRequiredService<IOptionsMonitor<TOptions>>().Get(connectorId))));
        return this;
    }

    public IHubBuilder AddEnricher<TEnricher>()
        where TEnricher : class, IMessageEnricher
    {
        Services.AddSingleton<IMessageEnricher, TEnricher>();
        return this;
    }

    public IHubBuilder AddRecurringTask<TTask>(string name, Func<IServiceProvider, RecurringSchedule> schedule)
        where TTask : class, IRecurringTask
    {
        if (Contributions.RecurringTasks.Any(t => t.Name == name))
        {
            throw new InvalidOperationException($"Recurring task '{name}' is registered twice.");
        }

        Services.AddKeyedTransient<IRecurringTask, TTask>(name);
        Contributions.RecurringTasks.Add(new RecurringTaskRegistration(name, schedule));
        return this;
    }

    public IHubBuilder AddEndpoints(Action<IEndpointRouteBuilder> map)
    {
        Contributions.Endpoints.Add(map);
        return this;
    }

    public IHubBuilder AddDashboardPage<TPage>()
        where TPage : class, IHubDashboardPage
    {
        Services.AddTransient<TPage>();
        Contributions.DashboardPages.Add(typeof(TPage));
        return this;
    }

    public IHubBuilder AddDashboardAction<TAction>()
        where TAction : class, IHubDashboardAction
    {
        Services.AddTransient<TAction>();
        Contributions.DashboardActions.Add(typeof(TAction));
        return this;
    }
}
