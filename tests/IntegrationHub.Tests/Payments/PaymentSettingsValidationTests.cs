using IntegrationHub.Host;
using IntegrationHub.Tests.Infrastructure;
using Xunit;

namespace IntegrationHub.Tests.Payments;

/// <summary>The payments module's settings (<c>Payments</c>) are checked at start with the hub's own: its options
/// validation and its recurring tasks' schedules, every problem in the one start-up message.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PaymentSettingsValidationTests
{
    // Validation runs before the database is touched, so no server needs to listen here.
    private const string UnusedDatabase = "Host=127.0.0.1;Port=1;Username=nobody;Password=x;Database=none";

    [Fact]
    public async Task Bad_payments_settings_are_listed_with_the_hubs_other_problems()
    {
        var settings = TestHub.BaseSettings(UnusedDatabase);
        settings["Payments:QuerySchedule"] = "every five minutes";
        settings["Payments:ReferencePrefix"] = "HUB-01";
        settings["Payments:MaxAmount"] = "0";
        settings["Inbound:RoutingStallAge"] = "00:00:00";

        var error = await Assert.ThrowsAsync<HubStartupException>(() => TestHub.StartAsync(settings));

        Assert.StartsWith("IntegrationHub cannot start in environment 'Testing': 4 configuration problem(s):", error.Message, StringComparison.Ordinal);
        Assert.Contains(" - Payments:ReferencePrefix must be 1 to 10 letters or digits.", error.Message, StringComparison.Ordinal);
        Assert.Contains(" - Payments:MaxAmount must be a positive number of VND.", error.Message, StringComparison.Ordinal);
        Assert.Contains(" - Recurring task 'payments:query': 'every five minutes' is not a valid Quartz cron expression", error.Message, StringComparison.Ordinal);
        Assert.Contains(" - Inbound: RoutingStallAge", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_time_zone_is_named_by_its_setting_and_by_the_tasks_it_would_schedule()
    {
        var settings = TestHub.BaseSettings(UnusedDatabase);
        settings["Payments:TimeZone"] = "Asia/Sai_Gon";

        var error = await Assert.ThrowsAsync<HubStartupException>(() => TestHub.StartAsync(settings));

        Assert.Equal(
            string.Join(Environment.NewLine,
                "IntegrationHub cannot start in environment 'Testing': 3 configuration problem(s):",
                " - Payments:TimeZone 'Asia/Sai_Gon' is not a known time zone.",
                " - Recurring task 'payments:query': time zone 'Asia/Sai_Gon' is not known.",
                " - Recurring task 'payments:reconcile': time zone 'Asia/Sai_Gon' is not known."),
            error.Message);
    }
}
