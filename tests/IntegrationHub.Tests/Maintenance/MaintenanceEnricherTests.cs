using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IntegrationHub.Connectors.IGate;
using IntegrationHub.Host.Delivery;
using IntegrationHub.Tests.Infrastructure;
using IntegrationHub.Tests.Payments;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrationHub.Tests.Maintenance;

/// <summary>A flow's enricher calls a counterparty too (citizen-checks looks each applicant up in the population
/// database): a window on that counterparty holds the flow's deliveries like a window on the destination, with no
/// lookup, no attempt used and no dead letter, and they go once the window is over.</summary>
[Collection(PostgresCollection.Name)]
public sealed class MaintenanceEnricherTests(PostgresCluster cluster)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Deliveries_whose_enricher_calls_a_counterparty_in_maintenance_wait_without_an_attempt_and_go_after_the_window()
    {
        await using var sandboxes = await CitizenCheckSandboxes.StartAsync(new IGateSandboxOptions { ApiKey = "igate-test-key", Seed = 5 });
        var codes = sandboxes.IGate.Dossiers.Generate(6, 0);
        // The population database is really away during its window: a lookup made anyway fails (and uses an attempt).
        sandboxes.Population.Faults.FailureRate = 1;
        sandboxes.Population.Faults.ServerErrorWeight = 1;

        var clock = new ShiftedClock();
        var logs = new CapturedLogs();
        var database = await cluster.CreateDatabaseAsync();
        var settings = TestHub.BaseSettings(database);
        sandboxes.ApplyTo(settings);
        settings["Connectors:population-db:RetryDelay"] = "00:00:00.020";
        settings["Hub:Delivery:SweepInterval"] = "00:00:01";
        await using var hub = await TestHub.StartAsync(settings, logging: logs.AddTo, clock: clock);
        using var admin = TestHub.AdminClient(hub);

        var to = DateTimeOffset.FromUnixTimeSeconds(clock.GetUtcNow().AddHours(1).ToUnixTimeSeconds());
        var added = await admin.PostAsJsonAsync("api/connectors/population-db/maintenance", new { to, reason = "population database upgrade" });
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);

        Assert.Equal(HttpStatusCode.Accepted, (await admin.PostAsync("api/flows/citizen-checks/run", null)).StatusCode);
        await Eventually.ReturnsAsync(() => CountAsync(admin, "received"), n => n == codes.Count, Patience, "every dossier a message");
        // The delivery job (as the run and every sweep enqueue it), run here too: it finds the pair held and claims nothing.
        await hub.Services.GetRequiredService<DeliveryRunner>().RunAsync("citizen-checks", "igate:citizen-checks", CancellationToken.None);
        await Eventually.HoldsAsync(() => logs.Lines.Any(l => l.Contains("waits: population-db is in maintenance", StringComparison.Ordinal)), Patience, "the delivery held by the window");

        Assert.Equal(0, await LookupsAsync(database));
        Assert.Equal(0, await PaymentTestKit.ScalarAsync(database, "select count(*) from hub.deliveries d join hub.messages m on m.id = d.message_id where m.flow_id = 'citizen-checks' and (d.attempts > 0 or d.status <> 'pending')"));
        Assert.Equal(0, await CountAsync(admin, "deadLettered"));
        Assert.Equal(0, await CountAsync(admin, "failed"));

        // The window is over and the database is back: every dossier goes in one attempt, nothing dead.
        sandboxes.Population.Faults.FailureRate = 0;
        clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromMinutes(1));
        await Eventually.ReturnsAsync(async () => await CountAsync(admin, "delivered") + await CountAsync(admin, "skipped"), n => n == codes.Count, Patience, "every dossier verified or skipped after the window");
        Assert.Equal(0, await CountAsync(admin, "deadLettered"));
        Assert.Equal(0, await PaymentTestKit.ScalarAsync(database, "select count(*) from hub.deliveries d join hub.messages m on m.id = d.message_id where m.flow_id = 'citizen-checks' and d.attempts <> 1"));
        Assert.Equal(0, await PaymentTestKit.ScalarAsync(database, "select count(*) from hub.citizen_lookups where requested_at < @to", ("to", to)));
    }

    private static Task<long> LookupsAsync(string database) => PaymentTestKit.ScalarAsync(database, "select count(*) from hub.citizen_lookups");

    private static async Task<long> CountAsync(HttpClient admin, string count)
    {
        var flows = await admin.GetFromJsonAsync<JsonElement[]>("api/flows");
        return flows!.Single(f => f.GetProperty("id").GetString() == "citizen-checks").GetProperty("counts").GetProperty(count).GetInt64();
    }
}
