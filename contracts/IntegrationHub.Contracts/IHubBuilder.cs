using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrationHub.Contracts;

/// <summary>What a connector package uses to register itself with the host (from its <see cref="IHubModule"/>).</summary>
public interface IHubBuilder
{
    IServiceCollection Services { get; }

    IConfiguration Configuration { get; }

    /// <summary>Registers a connector under <paramref name="connectorId"/>, binding and validating
    /// <typeparamref name="TOptions"/> from <c>Connectors:{connectorId}</c> at start. The connector is also resolvable
    /// as <typeparamref name="TConnector"/> (keyed by its id), for the module's own features.</summary>
    IHubBuilder AddConnector<TConnector, TOptions>(string connectorId)
        where TConnector : class, IConnector
        where TOptions : class;

    /// <summary>Registers a sandbox that the host starts when <c>Sandboxes:Enabled</c> is true.
    /// Its options bind from <c>Sandboxes:{connectorId}</c>; the connector's settings are then taken from
    /// <see cref="IConnectorSandbox.ConnectorSettings"/> wherever <c>Connectors:{connectorId}</c> leaves them empty.</summary>
    IHubBuilder AddSandbox<TSandbox, TOptions>(string connectorId)
        where TSandbox : class, IConnectorSandbox
        where TOptions : class;

    /// <summary>Registers an enricher flows can name (<c>Flows:{id}:Enricher</c>).</summary>
    IHubBuilder AddEnricher<TEnricher>()
        where TEnricher : class, IMessageEnricher;

    /// <summary>Registers periodic work under a unique <paramref name="name"/> (e.g. <c>payments:query</c>); its
    /// schedule is read from the started host's services (usually the module's options).</summary>
    IHubBuilder AddRecurringTask<TTask>(string name, Func<IServiceProvider, RecurringSchedule> schedule)
        where TTask : class, IRecurringTask;

    /// <summary>Maps the module's HTTP endpoints (inbound callbacks, admin APIs). Admin APIs require the policy
    /// <see cref="HubPolicies.Admin"/>; errors are answered as problem+json with a <c>code</c>.</summary>
    IHubBuilder AddEndpoints(Action<IEndpointRouteBuilder> map);

    /// <summary>Adds a page, with its menu entry, to the admin dashboard.</summary>
    IHubBuilder AddDashboardPage<TPage>()
        where TPage : class, IHubDashboardPage;

    /// <summary>Adds a form POST target to the admin dashboard.</summary>
    IHubBuilder AddDashboardAction<TAction>()
        where TAction : class, IHubDashboardAction;
}
