using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrationHub.Contracts;

/// <summary>What a connector package uses to register itself with the host.</summary>
public interface IHubBuilder
{
    IServiceCollection Services { get; }

    IConfiguration Configuration { get; }

    /// <summary>Registers a connector under <paramref name="connectorId"/>, binding and validating
    /// <typeparamref name="TOptions"/> from <c>Connectors:{connectorId}</c> at start.</summary>
    IHubBuilder AddConnector<TConnector, TOptions>(string connectorId)
        where TConnector : class, IConnector
        where TOptions : class;

    /// <summary>Registers a sandbox that the host starts when <c>Sandboxes:Enabled</c> is true.
    /// Its options bind from <c>Sandboxes:{connectorId}</c>.</summary>
    IHubBuilder AddSandbox<TSandbox, TOptions>(string connectorId)
        where TSandbox : class, IConnectorSandbox
        where TOptions : class;
}
