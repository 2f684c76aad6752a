using IntegrationHub.Host;
using IntegrationHub.Tests.Infrastructure;

namespace IntegrationHub.Tests.Maintenance;

/// <summary>A recurring maintenance window that does not parse stops the start, named with its connector and window.</summary>
[Collection(PostgresCollection.Name)]
public sealed class MaintenanceConfigurationTests
{
    // Validation runs before the database is touched, so no server needs to listen here.
    private const string UnusedDatabase = "Host=127.0.0.1;Port=1;Username=nobody;Password=x;Database=none";

    [Fact]
    public async Task A_bad_recurring_window_is_a_startup_error_naming_the_connector_and_the_window()
    {
        var settings = TestHub.BaseSettings(UnusedDatabase);
        settings["Connectors:igate:Maintenance:0:Days:0"] = "Sun";
        settings["Connectors:igate:Maintenance:0:Start"] = "01:00";
        settings["Connectors:igate:Maintenance:0:End"] = "03:00";
        settings["Connectors:igate:Maintenance:0:Reason"] = "iGate's Sunday backup";
        settings["Connectors:igate:Maintenance:1:Days:0"] = "Chủ nhật";
        settings["Connectors:igate:Maintenance:1:Start"] = "24:00";
        settings["Connectors:igate:Maintenance:1:End"] = "02:00";
        settings["Connectors:igate:Maintenance:1:Reason"] = "upgrade";
        settings["Connectors:postal:Maintenance:Start"] = "01:00";

        var error = await Assert.ThrowsAsync<HubStartupException>(() => TestHub.StartAsync(settings));

        Assert.StartsWith("IntegrationHub cannot start in environment 'Testing': 3 configuration problem(s):", error.Message, StringComparison.Ordinal);
        Assert.Contains(" - Connectors:igate:Maintenance:1 of connector 'igate': Days: 'Chủ nhật' is not a day of the week (Monday or Mon ... Sunday or Sun, or Daily).", error.Message, StringComparison.Ordinal);
        Assert.Contains(" - Connectors:igate:Maintenance:1 of connector 'igate': Start '24:00' is not a local time HH:mm.", error.Message, StringComparison.Ordinal);
        Assert.Contains(" - Connectors:postal:Maintenance of connector 'postal' must be a list of windows ({ Days, Start, End, Reason }); found the key 'Start'.", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Maintenance:0", error.Message, StringComparison.Ordinal);
    }
}
