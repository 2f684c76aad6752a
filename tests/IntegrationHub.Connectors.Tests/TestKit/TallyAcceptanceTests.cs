using IntegrationHub.Connectors.TestKit;

namespace IntegrationHub.Connectors.Tests.TestKit;

/// <summary>A connector built only with the kit passes the whole acceptance suite.</summary>
public sealed class TallyAcceptanceTests : ConnectorAcceptanceTests
{
    protected override ConnectorAcceptanceProfile Profile => TallyProfile.For(new TallyModule());
}
