using IntegrationHub.Connectors.Tests.Kit.Tally;
using IntegrationHub.Contracts;

namespace IntegrationHub.Connectors.Tests.TestKit;

/// <summary>Tally as a package would register it: the kit-built connector and its sandbox.</summary>
internal sealed class TallyModule : IHubModule
{
    public void Register(IHubBuilder hub) =>
        hub.AddConnector<TallyConnector, TallyOptions>("tally").AddSandbox<TallySandbox, TallySandboxOptions>("tally");
}
