using IntegrationHub.Connectors.TestKit;
using IntegrationHub.Connectors.Tests.Kit.Tally;
using IntegrationHub.Contracts;

namespace IntegrationHub.Connectors.Tests.TestKit;

/// <summary>The acceptance profile of Tally, for any module that registers a Tally-like connector under "tally".</summary>
internal static class TallyProfile
{
    public static ConnectorAcceptanceProfile For(IHubModule module) => new(
        module,
        "tally",
        BadParameters: new Dictionary<string, string?> { ["BaseUrl"] = "not a url", ["PageSize"] = "0" },
        WrongCredentials: new Dictionary<string, string?> { ["ApiKey"] = "not-the-key" })
    {
        SandboxSettings = new Dictionary<string, string?> { ["ApiKey"] = "tally-acceptance-key" },
        ConnectorSettings = new Dictionary<string, string?> { ["PageSize"] = "4" },
        Source = new SourceCase(TallyConnector.ChangesStream, (sandbox, count) =>
        {
            var tally = (TallySandbox)sandbox;
            for (var i = 0; i < count; i++)
            {
                tally.Change($"record-{Guid.NewGuid():N}", $"value {i}");
            }

            return Task.CompletedTask;
        }),
        Destination = new DestinationCase(TallyConnector.EntriesStream, i => $"entry {i}", TallyWire.Poison),
    };
}
