using IntegrationHub.Connectors.Example;
using IntegrationHub.Connectors.Example.Sandbox;
using IntegrationHub.Contracts;

namespace IntegrationHub.Connectors.Tests.TestKit;

/// <summary>Registers a broken Example (<typeparamref name="TConnector"/>) with the real Example sandbox.</summary>
internal sealed class BrokenExampleModule<TConnector> : IHubModule
    where TConnector : class, IConnector
{
    public void Register(IHubBuilder hub) =>
        hub.AddConnector<TConnector, ExampleOptions>("example").AddSandbox<ExampleSandbox, ExampleSandboxOptions>("example");
}
