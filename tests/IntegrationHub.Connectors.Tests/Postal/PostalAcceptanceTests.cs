using IntegrationHub.Connectors.Postal;
using IntegrationHub.Connectors.TestKit;

namespace IntegrationHub.Connectors.Tests.Postal;

/// <summary>The postal connector passes the whole acceptance suite against its sandbox.</summary>
public sealed class PostalAcceptanceTests : ConnectorAcceptanceTests
{
    /// <summary>Also the rig of the postal tests of this folder.</summary>
    internal static ConnectorAcceptanceProfile PostalProfile { get; } = new(
        new PostalModule(),
        PostalConnector.ConnectorId,
        BadParameters: new Dictionary<string, string?> { ["BaseUrl"] = "not a url", ["PageSize"] = "0" },
        WrongCredentials: new Dictionary<string, string?> { ["ApiKey"] = "not-the-key" })
    {
        SandboxSettings = new Dictionary<string, string?> { ["ApiKey"] = "postal-acceptance-key" },
        ConnectorSettings = new Dictionary<string, string?> { ["PageSize"] = "4" },
        Source = new SourceCase(PostalConnector.TrackingStream, (sandbox, count) =>
        {
            for (var i = 0; i < count; i++)
            {
                ((PostalSandbox)sandbox).Accept($"H56.01-{Guid.NewGuid():N}");
            }

            return Task.CompletedTask;
        }),
        Destination = new DestinationCase(
            PostalConnector.ShipmentsStream, i => PostalDossiers.ByPost($"H56.01-260101-{i:D4}"), PostalDossiers.ByPostWithoutAddress("H56.01-260101-9999")),
    };

    protected override ConnectorAcceptanceProfile Profile => PostalProfile;
}
