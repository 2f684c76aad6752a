using IntegrationHub.Contracts;

namespace IntegrationHub.Tests.Infrastructure;

/// <summary>Points a test hub's connector at a sandbox the test started, with the URL and credentials the sandbox
/// itself says it accepts (<see cref="IConnectorSandbox.ConnectorSettings"/>), as the hub does in development runs.</summary>
public static class SandboxWiring
{
    public static void Wire(this IDictionary<string, string?> settings, IConnectorSandbox sandbox, Uri address)
    {
        foreach (var (key, value) in sandbox.ConnectorSettings(address))
        {
            settings[$"Connectors:{sandbox.ConnectorId}:{key}"] = value;
        }
    }
}
