using IntegrationHub.Contracts;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrationHub.Connectors.TestKit;

/// <summary>Runs a module's registration the way the host does and keeps what the suite needs: how to make its connector
/// from settings (options bound from <c>Connectors:{id}</c>, as the host binds them) and how to make its sandbox. The
/// connector gets a plain HttpClient (no retries), so every failure the suite provokes reaches it unsoftened.</summary>
public sealed class AcceptanceHubBuilder : IHubBuilder
{
    private readonly Dictionary<string, Func<IServiceProvider, IConfiguration, IConnector>> _connectors = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Func<IServiceProvider, IConfiguration, IConnectorSandbox>> _sandboxes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Type> _optionsTypes = new(StringComparer.Ordinal);

    public IServiceCollection Services { get; } = new ServiceCollection();

    public IConfiguration Configuration { get; } = new ConfigurationBuilder().Build();

    public IReadOnlyCollection<string> ConnectorIds => _connectors.Keys;

    public Type OptionsType(string connectorId) => _optionsTypes[connectorId];

    public IConnector CreateConnector(string connectorId, IServiceProvider services, IConfiguration settings) =>
        _connectors.TryGetValue(connectorId, out var create) ? create(services, settings)
            : throw new InvalidOperationException($"The module registers no connector '{connectorId}'.");

    public IConnectorSandbox CreateSandbox(string connectorId, IServiceProvider services, IConfiguration settings) =>
        _sandboxes.TryGetValue(connectorId, out var create) ? create(services, settings)
            : throw new InvalidOperationException($"The module registers no sandbox for '{connectorId}': the acceptance suite runs a connector against its sandbox.");

    public IHubBuilder AddConnector<TConnector, TOptions>(string connectorId)
        where TConnector : class, IConnector
        where TOptions : class
    {
        _optionsTypes[connectorId] = typeof(TOptions);
        _connectors[connectorId] = (services, settings) =>
        {
            var options = Bind<TOptions>(settings, $"Connectors:{connectorId}");
            var takesHttpClient = typeof(TConnector).GetConstructors().Any(c => c.GetParameters().Any(p => p.ParameterType == typeof(HttpClient)));
            object transport = takesHttpClient
                ? new HttpClient { Timeout = TimeSpan.FromSeconds(30) }
                : (Func<HttpMessageHandler, HttpMessageHandler>)(inner => inner);
            return ActivatorUtilities.CreateInstance<TConnector>(services, options, transport);
        };
        return this;
    }

    public IHubBuilder AddSandbox<TSandbox, TOptions>(string connectorId)
        where TSandbox : class, IConnectorSandbox
        where TOptions : class
    {
        _sandboxes[connectorId] = (services, settings) =>
            ActivatorUtilities.CreateInstance<TSandbox>(services, Bind<TOptions>(settings, $"Sandboxes:{connectorId}"));
        return this;
    }

    // A module's features (enrichers, tasks, endpoints, pages) run in the hub; the suite tests the connector alone.
    public IHubBuilder AddEnricher<TEnricher>()
        where TEnricher : class, IMessageEnricher => this;

    public IHubBuilder AddRecurringTask<TTask>(string name, Func<IServiceProvider, RecurringSchedule> schedule)
        where TTask : class, IRecurringTask => this;

    public IHubBuilder AddEndpoints(Action<IEndpointRouteBuilder> map) => this;

    public IHubBuilder AddDashboardPage<TPage>()
        where TPage : class, IHubDashboardPage => this;

    public IHubBuilder AddDashboardAction<TAction>()
        where TAction : class, IHubDashboardAction => this;

    private static TOptions Bind<TOptions>(IConfiguration settings, string section)
        where TOptions : class
    {
        var options = ActivatorUtilities.CreateInstance<TOptions>(new ServiceCollection().BuildServiceProvider());
        settings.GetSection(section).Bind(options);
        return options;
    }
}
