using IntegrationHub.Contracts;

namespace IntegrationHub.Connectors.IGate;

public static class IGateHubBuilderExtensions
{
    /// <summary>Registers the iGate connector (options from <c>Connectors:igate</c>) and its sandbox (<c>Sandboxes:igate</c>).</summary>
    public static IHubBuilder AddIGate(this IHubBuilder hub) =>
        hub.AddConnector<IGateConnector, IGateOptions>(IGateConnector.ConnectorId)
            .AddSandbox<IGateSandbox, IGateSandboxOptions>(IGateConnector.ConnectorId);
}
