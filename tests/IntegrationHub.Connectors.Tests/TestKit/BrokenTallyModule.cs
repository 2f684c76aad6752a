using IntegrationHub.Connectors.Tests.Kit.Tally;
using IntegrationHub.Contracts;

namespace IntegrationHub.Connectors.Tests.TestKit;

/// <summary>Registers a broken Tally (<typeparamref name="TConnector"/>) with the real Tally sandbox.</summary>
internal sealed class BrokenTallyModule<TConnector> : IHubModule
    where TConnector : class, IConnector
{
    public void Register(IHubBuilder hub) =>
        hub.AddConnector<TConnector, TallyOptions>("tally").AddSandbox<TallySandbox, TallySandboxOptions>("tally");
}
