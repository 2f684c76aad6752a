using IntegrationHub.Connectors.Example.Sandbox;
using IntegrationHub.Contracts;

[assembly: HubModule(typeof(IntegrationHub.Connectors.Example.ExampleModule))]

namespace IntegrationHub.Connectors.Example;

/// <summary>What this package adds to the hub: the Example connector (options from <c>Connectors:example</c>) and its
/// sandbox (<c>Sandboxes:example</c>). The host finds it through the assembly attribute above.</summary>
public sealed class ExampleModule : IHubModule
{
    public void Register(IHubBuilder hub) =>
        hub.AddConnector<ExampleConnector, ExampleOptions>(ExampleConnector.Example.Id)
            .AddSandbox<ExampleSandbox, ExampleSandboxOptions>(ExampleConnector.Example.Id);
}
