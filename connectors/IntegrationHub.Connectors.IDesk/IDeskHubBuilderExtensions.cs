using IntegrationHub.Contracts;

namespace IntegrationHub.Connectors.IDesk;

public static class IDeskHubBuilderExtensions
{
    /// <summary>Registers the iDesk connector (options from <c>Connectors:idesk</c>) and its sandbox
    /// (<c>Sandboxes:idesk</c>). The connector needs the host's <see cref="IAttachmentStore"/>.</summary>
    public static IHubBuilder AddIDesk(this IHubBuilder hub) =>
        hub.AddConnector<IDeskConnector, IDeskOptions>(IDeskConnector.ConnectorId)
            .AddSandbox<IDeskSandbox, IDeskSandboxOptions>(IDeskConnector.ConnectorId);
}
