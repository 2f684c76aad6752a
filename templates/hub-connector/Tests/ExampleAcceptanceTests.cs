using IntegrationHub.Connectors.Example.Sandbox;
using IntegrationHub.Connectors.TestKit;
using IntegrationHub.Contracts;

namespace IntegrationHub.Connectors.Example.Tests;

/// <summary>The Example connector against its sandbox, through the acceptance suite every connector passes. Compiled by
/// tests/IntegrationHub.Connectors.Tests (which takes every connector's Tests folder).</summary>
public sealed class ExampleAcceptanceTests : ConnectorAcceptanceTests
{
    protected override ConnectorAcceptanceProfile Profile { get; } = ProfileFor(new ExampleModule());

    /// <summary>The profile for a module registering this connector (the suite's own tests give it broken ones).</summary>
    public static ConnectorAcceptanceProfile ProfileFor(IHubModule module) => new(
        module,
        ExampleConnector.Example.Id,
        BadParameters: new Dictionary<string, string?> { ["BaseUrl"] = "not a url", ["PageSize"] = "0" },
        WrongCredentials: new Dictionary<string, string?> { ["ApiKey"] = "not-the-key" })
    {
        // Small pages, so a read of the seeded records makes several checkpoints.
        ConnectorSettings = new Dictionary<string, string?> { ["PageSize"] = "4" },
        Source = new SourceCase(ExampleConnector.RecordsStream, (sandbox, count) =>
        {
            for (var i = 0; i < count; i++)
            {
                ((ExampleSandbox)sandbox).Change($"R{i:D4}-{Guid.NewGuid():N}", $"value {i}");
            }

            return Task.CompletedTask;
        }),
        Destination = new DestinationCase(ExampleConnector.EntriesStream, i => $"{{\"value\":{i}}}", ExampleWire.Invalid),
    };
}
