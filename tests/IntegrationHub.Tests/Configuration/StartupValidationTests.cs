using IntegrationHub.Host;
using IntegrationHub.Tests.Infrastructure;
using Xunit;

namespace IntegrationHub.Tests.Configuration;

/// <summary>Bad configuration stops the start with one message that lists every problem.</summary>
[Collection(PostgresCollection.Name)]
public sealed class StartupValidationTests
{
    // Validation runs before the database is touched, so no server needs to listen here.
    private const string UnusedDatabase = "Host=127.0.0.1;Port=1;Username=nobody;Password=x;Database=none";

    [Fact]
    public async Task Missing_base_url_bad_cron_and_unknown_connector_are_reported_together()
    {
        var settings = TestHub.BaseSettings(UnusedDatabase);
        settings["Connectors:national-portal:BaseUrl"] = "";
        settings["Connectors:igate:BaseUrl"] = "http://127.0.0.1:9/";
        settings["Flows:procedures:Schedule"] = "every five minutes";
        settings["Flows:orders:Source"] = "erp:orders";
        settings["Flows:orders:Destinations:0"] = "igate:procedures";
        settings["Flows:orders:Schedule"] = "0 0/5 * * * ?";

        var error = await Assert.ThrowsAsync<HubStartupException>(() => TestHub.StartAsync(settings));

        // The registered connectors are whatever modules are beside the hub, listed the way the hub lists them.
        var registered = string.Join(", ", RegisteredModules.ConnectorIds.Order(StringComparer.Ordinal));
        Assert.Equal(
            $"""
            IntegrationHub cannot start in environment 'Testing': 3 configuration problem(s):
             - Connectors:national-portal: The BaseUrl field is required.
             - Flows:orders:Source: unknown connector 'erp' (registered connectors: {registered}).
             - Flows:procedures:Schedule 'every five minutes' is not a valid Quartz cron expression (seconds minutes hours day-of-month month day-of-week, e.g. '0 0/5 * * * ?').
            """.ReplaceLineEndings(Environment.NewLine),
            error.Message);
        Assert.Contains("national-portal", RegisteredModules.ConnectorIds);
    }

    [Fact]
    public async Task Malformed_flow_filters_are_reported_with_the_other_problems()
    {
        var settings = TestHub.BaseSettings(UnusedDatabase);
        settings["Flows:dossiers:Filter:kenhThucHien"] = "";
        settings["Flows:dossiers:Filter:nguoiNhan..tinh:0"] = "68";
        settings["Flows:procedures:Filter"] = "MATTHC";
        settings["Flows:procedures:Schedule"] = "daily";

        var error = await Assert.ThrowsAsync<HubStartupException>(() => TestHub.StartAsync(settings));

        Assert.StartsWith("IntegrationHub cannot start in environment 'Testing': 4 configuration problem(s):", error.Message, StringComparison.Ordinal);
        Assert.Contains(" - Flows:dossiers:Filter:kenhThucHien: lists no value; give the values the field may hold, e.g. [\"BuuChinh\"].", error.Message, StringComparison.Ordinal);
        Assert.Contains(" - Flows:dossiers:Filter:nguoiNhan..tinh: 'nguoiNhan..tinh' is not a field path (names joined by '.', none empty).", error.Message, StringComparison.Ordinal);
        Assert.Contains(" - Flows:procedures:Filter: must be an object of payload field paths to the values each may hold", error.Message, StringComparison.Ordinal);
        Assert.Contains(" - Flows:procedures:Schedule 'daily' is not a valid Quartz cron expression", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Routing_stall_and_unrouted_alert_ages_outside_one_second_to_one_day_are_reported()
    {
        var settings = TestHub.BaseSettings(UnusedDatabase);
        settings["Inbound:RoutingStallAge"] = "00:00:00";
        settings["Inbound:UnroutedAlertAge"] = "2.00:00:00";

        var error = await Assert.ThrowsAsync<HubStartupException>(() => TestHub.StartAsync(settings));

        Assert.Equal(
            "IntegrationHub cannot start in environment 'Testing': 1 configuration problem(s):" + Environment.NewLine +
            " - Inbound: RoutingStallAge and UnroutedAlertAge must be between 00:00:01 and 1.00:00:00.",
            error.Message);
    }

    [Fact]
    public async Task A_takeover_time_outside_three_seconds_to_ten_minutes_and_a_zero_failing_alert_time_are_reported()
    {
        var settings = TestHub.BaseSettings(UnusedDatabase);
        settings["Hub:Takeover:After"] = "00:00:01";
        settings["Hub:Counterparties:FailingAlertAfter"] = "00:00:00";

        var error = await Assert.ThrowsAsync<HubStartupException>(() => TestHub.StartAsync(settings));

        Assert.Equal(
            "IntegrationHub cannot start in environment 'Testing': 2 configuration problem(s):" + Environment.NewLine +
            " - Hub:Takeover:After 00:00:01 must be between 00:00:03 and 00:10:00 (how soon a dead host's runs and deliveries are taken over)." + Environment.NewLine +
            " - Hub:Counterparties:FailingAlertAfter 00:00:00 must be at least 00:00:01.",
            error.Message);
    }

    [Fact]
    public async Task Audits_kept_shorter_than_messages_are_reported()
    {
        var settings = TestHub.BaseSettings(UnusedDatabase);
        settings["Hub:Retention:Messages"] = "400.00:00:00";
        settings["Hub:Retention:Audits"] = "100.00:00:00";

        var error = await Assert.ThrowsAsync<HubStartupException>(() => TestHub.StartAsync(settings));

        Assert.Equal(
            "IntegrationHub cannot start in environment 'Testing': 1 configuration problem(s):" + Environment.NewLine +
            " - Hub:Retention:Audits (100.00:00:00) must be at least Hub:Retention:Messages (400.00:00:00): audits are kept at least as long as the history they explain.",
            error.Message);
    }

    [Fact]
    public async Task Wake_up_reconnect_delay_and_delivery_workers_out_of_range_are_reported()
    {
        var settings = TestHub.BaseSettings(UnusedDatabase);
        settings["Hub:Wake:ReconnectDelay"] = "00:05:00";
        settings["Hub:Wake:DeliveryWorkers"] = "0";

        var error = await Assert.ThrowsAsync<HubStartupException>(() => TestHub.StartAsync(settings));

        Assert.Equal(
            "IntegrationHub cannot start in environment 'Testing': 2 configuration problem(s):" + Environment.NewLine +
            " - Hub:Wake:ReconnectDelay must be between 00:00:00.1 and 00:01:00." + Environment.NewLine +
            " - Hub:Wake:DeliveryWorkers must be between 1 and 64.",
            error.Message);
    }

    [Theory]
    [InlineData("hub.tinh.gov.vn")]
    [InlineData("ftp://hub.tinh.gov.vn")]
    [InlineData("https://hub.tinh.gov.vn/?x=1")]
    public async Task A_public_url_that_is_not_an_absolute_http_address_is_reported(string publicUrl)
    {
        var settings = TestHub.BaseSettings(UnusedDatabase);
        settings["Hub:PublicUrl"] = publicUrl;

        var error = await Assert.ThrowsAsync<HubStartupException>(() => TestHub.StartAsync(settings));

        Assert.Equal(
            "IntegrationHub cannot start in environment 'Testing': 1 configuration problem(s):" + Environment.NewLine +
            $" - Hub:PublicUrl '{publicUrl}' must be an absolute http(s) address without query, e.g. https://hub.tinh.gov.vn.",
            error.Message);
    }

    [Fact]
    public async Task An_unknown_enricher_and_an_invalid_population_db_connector_are_reported()
    {
        var settings = TestHub.BaseSettings(UnusedDatabase);
        settings["Flows:citizen-checks:Enricher"] = "citizen-verfication";
        settings["Connectors:population-db:MaTichHop"] = "";

        var error = await Assert.ThrowsAsync<HubStartupException>(() => TestHub.StartAsync(settings));

        Assert.Contains("Connectors:population-db: MaTichHop is required.", error.Message, StringComparison.Ordinal);
        Assert.Contains("Flows:citizen-checks:Enricher 'citizen-verfication' is not a known enrichment step (known: citizen-verification).", error.Message, StringComparison.Ordinal);
        Assert.StartsWith("IntegrationHub cannot start in environment 'Testing': 2 configuration problem(s):", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Streams_must_exist_with_the_right_direction_and_time_zones_must_be_known()
    {
        var settings = TestHub.BaseSettings(UnusedDatabase);
        settings["Connectors:national-portal:BaseUrl"] = "http://127.0.0.1:9/";
        settings["Connectors:igate:BaseUrl"] = "not a url";
        settings["Flows:procedures:Source"] = "igate:procedures";
        settings["Flows:procedures:Destinations:0"] = "national-portal:payments";
        settings["Flows:procedures:TimeZone"] = "Mars/Olympus_Mons";
        settings["Flows:procedures:Destinations:1"] = "national-portal:payments";
        settings["Hub:Http:TrustedProxies:0"] = "proxy.example";

        var error = await Assert.ThrowsAsync<HubStartupException>(() => TestHub.StartAsync(settings));

        Assert.Contains(" - Connectors:igate: ", error.Message, StringComparison.Ordinal);
        Assert.Contains("BaseUrl", error.Message, StringComparison.Ordinal);
        Assert.Contains(" - Flows:procedures:Source: connector 'igate' has no stream 'procedures' that is a source (it offers: dossiers, progress).", error.Message, StringComparison.Ordinal);
        Assert.Contains(" - Flows:procedures:Destinations:0: connector 'national-portal' has no stream 'payments' that is a destination (it offers: dossiers, progress).", error.Message, StringComparison.Ordinal);
        Assert.Contains(" - Flows:procedures:TimeZone 'Mars/Olympus_Mons' is not a known time zone.", error.Message, StringComparison.Ordinal);
        Assert.Contains(" - Flows:procedures:Destinations: 'national-portal:payments' is listed more than once.", error.Message, StringComparison.Ordinal);
        Assert.Contains(" - Hub:Http:TrustedProxies: 'proxy.example' is not an IP address.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Production_refuses_to_start_without_admin_credentials()
    {
        var settings = TestHub.BaseSettings(UnusedDatabase);
        settings["Connectors:national-portal:BaseUrl"] = "http://127.0.0.1:9/";
        settings["Connectors:igate:BaseUrl"] = "http://127.0.0.1:9/";
        settings["Hub:Admin:Username"] = "";
        settings["Hub:Admin:PasswordHash"] = "";

        var error = await Assert.ThrowsAsync<HubStartupException>(() => TestHub.StartAsync(settings, "Production"));

        Assert.Equal(
            "IntegrationHub cannot start in environment 'Production': 1 configuration problem(s):" + Environment.NewLine +
            " - Hub:Admin:Username and Hub:Admin:PasswordHash must be set in Production (or officers' accounts in Hub:Admin:Users, or single sign-on " +
            "with Hub:Admin:Oidc:Authority): the dashboard and admin API need a login. " +
            "Make a hash with 'dotnet run --project host/IntegrationHub.Host -- hash-password' and set it through the environment (Hub__Admin__PasswordHash).",
            error.Message);
    }

    [Fact]
    public async Task Login_limits_that_let_one_address_lock_out_the_user_a_zero_window_or_no_login_queue_are_reported()
    {
        var settings = TestHub.BaseSettings(UnusedDatabase);
        settings["Hub:Admin:LoginAttemptsPerAddress"] = "20";
        settings["Hub:Admin:LoginFailuresPerUser"] = "20";
        settings["Hub:Admin:LoginLimitWindow"] = "00:00:00";
        settings["Hub:Admin:MaxQueuedLoginChecks"] = "0";

        var error = await Assert.ThrowsAsync<HubStartupException>(() => TestHub.StartAsync(settings));

        Assert.Equal(
            """
            IntegrationHub cannot start in environment 'Testing': 3 configuration problem(s):
             - Hub:Admin: LoginAttemptsPerAddress (20) must be at least 1 and LoginFailuresPerUser (20) larger, so that one address cannot lock the user out.
             - Hub:Admin:LoginLimitWindow (00:00:00) must be between 00:00:01 and 1.00:00:00.
             - Hub:Admin:MaxQueuedLoginChecks (0) must be between 1 and 1000.
            """.ReplaceLineEndings(Environment.NewLine),
            error.Message);
    }
}
