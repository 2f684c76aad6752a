using IntegrationHub.Connectors.NationalPortal.Sandbox;
using IntegrationHub.Contracts;

namespace IntegrationHub.Connectors.NationalPortal;

public static class NationalPortalHubBuilderExtensions
{
    /// <summary>Registers the National Portal connector (options from <c>Connectors:national-portal</c>) and its
    /// sandbox (options from <c>Sandboxes:national-portal</c>).</summary>
    public static IHubBuilder AddNationalPortal(this IHubBuilder hub) =>
        hub.AddConnector<NationalPortalConnector, NationalPortalOptions>(NationalPortalConnector.ConnectorId)
            .AddSandbox<NationalPortalSandbox, NationalPortalSandboxOptions>(NationalPortalConnector.ConnectorId);
}
