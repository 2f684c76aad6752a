using IntegrationHub.Connectors.PopulationDb;
using IntegrationHub.Connectors.TestKit;

namespace IntegrationHub.Connectors.Tests.PopulationDb;

/// <summary>The population database against its sandbox, through the acceptance suite every connector passes. It is a
/// lookup its module's citizen-verification enricher calls and serves no stream, so the spec check asserts it declares
/// none and the read and write checks pass by that.</summary>
public sealed class PopulationDbAcceptanceTests : ConnectorAcceptanceTests
{
    protected override ConnectorAcceptanceProfile Profile { get; } = new(
        new PopulationDbModule(),
        PopulationDbConnector.ConnectorId,
        BadParameters: new Dictionary<string, string?> { ["BaseUrl"] = "not a url", ["MaTichHop"] = "", ["RetryCount"] = "11" },
        WrongCredentials: new Dictionary<string, string?> { ["ApiKey"] = "not-the-key" })
    {
        SandboxSettings = new Dictionary<string, string?> { ["ApiKey"] = "population-acceptance-key", ["MaTichHop"] = "HUB-ACCEPTANCE", ["CitizenCount"] = "10" },
        // The suite sees each failure as it comes: no retries of the connector's own.
        ConnectorSettings = new Dictionary<string, string?> { ["RetryCount"] = "0" },
        ServesNoStreams = true,
    };
}
