using IntegrationHub.Contracts;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrationHub.Connectors.Tests.IGate;

/// <summary>Records what a connector package registers, without a host.</summary>
internal sealed class RecordingHubBuilder : IHubBuilder
{
    public List<(string Kind, string ConnectorId, Type Implementation, Type Options)> Registrations { get; } = [];

    public IServiceCollection Services { get; } = new ServiceCollection();

    public IConfiguration Configuration { get; } = new ConfigurationBuilder().Build();

    public IHubBuilder AddConnector<TConnector, TOptions>(string connectorId)
        where TConnector : class, IConnector
        where TOptions : class
    {
        Registrations.Add(("connector", connectorId, typeof(TConnector), typeof(TOptions)));
        return this;
    }

    public IHubBuilder AddSandbox<TSandbox, TOptions>(string connectorId)
        where TSandbox : class, IConnectorSandbox
        where TOptions : class
    {
        Registrations.Add(("sandbox", connectorId, typeof(TSandbox), typeof(TOptions)));
        return this;
    }

    public IHubBuilder AddEnricher<TEnricher>()
        where TEnricher : class, IMessageEnricher
    {
        Registrations.Add(("enricher", string.Empty, typeof(TEnricher), typeof(void)));
        return this;
    }

    public IHubBuilder AddRecurringTask<TTask>(string name, Func<IServiceProvider, RecurringSchedule> schedule)
        where TTask : class, IRecurringTask
    {
        Registrations.Add(("task", name, typeof(TTask), typeof(void)));
        return this;
    }

    public IHubBuilder AddEndpoints(Action<Microsoft.AspNetCore.Routing.IEndpointRouteBuilder> map)
    {
        Registrations.Add(("endpoints", string.Empty, typeof(void), typeof(void)));
        return this;
    }

    public IHubBuilder AddDashboardPage<TPage>()
        where TPage : class, IHubDashboardPage
    {
        Registrations.Add(("page", string.Empty, typeof(TPage), typeof(void)));
        return this;
    }

    public IHubBuilder AddDashboardAction<TAction>()
        where TAction : class, IHubDashboardAction
    {
        Registrations.Add(("action", string.Empty, typeof(TAction), typeof(void)));
        return this;
    }
}
