using System.Net.Http.Json;
using System.Text.Json;
using IntegrationHub.Connectors.NationalPortal.Sandbox;
using IntegrationHub.Connectors.Sandboxing;
using IntegrationHub.Tests.Infrastructure;

namespace IntegrationHub.Tests.Flows;

/// <summary>iGate dossiers and their progress to the national portal: exactly once, in order per dossier, through
/// transient faults and permanent rejections, then a governed replay once the portal's rule is fixed.</summary>
[Collection(PostgresCollection.Name)]
public sealed class DossierSyncTests(PostgresCluster cluster)
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task Ten_thousand_dossiers_and_thirty_thousand_changes_arrive_once_in_order_and_the_rejected_ones_after_a_replay()
    {
        await using var sandboxes = await DossierSandboxes.StartAsync(rejectEveryNth: 100);
        var codes = sandboxes.IGate.Dossiers.Generate(10_000, 3);
        var igateStats = sandboxes.IGate.Dossiers.Stats();
        Assert.InRange(igateStats.StatusChanges, 25_000, 30_000);
        var rule = new NationalPortalRejectRule { RejectEveryNth = 100 };
        var rejectedCodes = codes.Where(rule.Rejects).ToHashSet(StringComparer.Ordinal);
        Assert.True(rejectedCodes.Count is >= 30 and <= 300, $"{rejectedCodes.Count} of {codes.Count} rejected; e.g. {string.Join(", ", codes.Take(3).Select(c => c + "=" + NationalPortalRejectRule.StableHash(c)))}");
        var rejectedProgress = rejectedCodes.Sum(c => sandboxes.IGate.Dossiers.Progress(c).Count);

        // 20 % of calls fail transiently at both ends.
        foreach (var faults in new[] { sandboxes.IGateFaults, sandboxes.NationalFaults })
        {
            faults.CopyFrom(new SandboxFaultOptions { FailureRate = 0.2, ServerErrorWeight = 3, TooManyRequestsWeight = 1, TimeoutWeight = 1, RetryAfterSeconds = 0, TimeoutDelay = TimeSpan.FromSeconds(5) });
        }

        var settings = TestHub.BaseSettings(await cluster.CreateDatabaseAsync());
        sandboxes.ApplyTo(settings);
        settings["Hub:Delivery:RetryBackoff"] = "00:00:00.100";
        settings["Hub:Delivery:MaxRetryBackoff"] = "00:00:01";
        settings["Hub:Delivery:MaxAttempts"] = "1000";
        settings["Hub:Delivery:SweepInterval"] = "00:00:01";
        settings["Connectors:igate:BatchSize"] = "1000";
        settings["Hub:Delivery:BatchSize"] = "500";
        settings["Connectors:national-portal:MaxParallelWrites"] = "16";
        foreach (var connector in new[] { "igate", "national-portal" })
        {
            settings[$"Connectors:{connector}:Resilience:AttemptTimeout"] = "00:00:00.250";
            settings[$"Connectors:{connector}:Resilience:MaxRetryAttempts"] = "10";
            settings[$"Connectors:{connector}:Resilience:BreakerMinimumThroughput"] = "1000";
        }

        await using var hub = await TestHub.StartAsync(settings);
        using var client = TestHub.AdminClient(hub);
        await client.PostAsync("api/flows/dossiers/run", null);
        await client.PostAsync("api/flows/progress/run", null);

        var accepted = codes.Count - rejectedCodes.Count;
        var acceptedProgress = igateStats.ProgressEntries - rejectedProgress;
        await Eventually.ReturnsAsync(() => FlowAsync(client, "dossiers"),
            f => Count(f, "delivered") == accepted && Count(f, "deadLettered") == rejectedCodes.Count, Patience, "dossiers delivered or dead-lettered");
        await Eventually.ReturnsAsync(() => FlowAsync(client, "progress"),
            f => Count(f, "delivered") == acceptedProgress, Patience, "progress of accepted dossiers delivered");

        var portal = sandboxes.National.DossierStats;
        Assert.Equal(accepted, portal.DossierCount);
        Assert.Equal(acceptedProgress, portal.ProgressEntries);
        Assert.Equal(0, portal.OrderViolations);
        Assert.True(sandboxes.National.Stats.Faults.Values.Sum() > 1000, "faults were injected");

        // The progress of a rejected dossier waits; its dossier message is a dead letter with the portal's error.
        var listed = await client.GetFromJsonAsync<JsonElement>("api/dead-letters?flow=dossiers&errorCode=-10");
        Assert.Equal(rejectedCodes.Count, listed.GetProperty("total").GetInt32());
        var progressFlow = await FlowAsync(client, "progress");
        Assert.Equal(rejectedProgress, Count(progressFlow, "pending"));

        // The portal fixes its rule; an operator replays by error code.
        sandboxes.National.SetRejectRule(new NationalPortalRejectRule { RejectEveryNth = 0 });
        var replay = await client.PostAsJsonAsync("api/dead-letters/replay", new { flow = "dossiers", errorCode = "-10", reason = "DVCQG relaxed rule 10 (ticket 99)" });
        Assert.Equal(rejectedCodes.Count, (await replay.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("affected").GetInt32());

        await Eventually.ReturnsAsync(() => FlowAsync(client, "progress"),
            f => Count(f, "delivered") == igateStats.ProgressEntries, Patience, "every progress entry delivered");
        portal = sandboxes.National.DossierStats;
        Assert.Equal(codes.Count, portal.DossierCount);
        Assert.Equal(igateStats.ProgressEntries, portal.ProgressEntries);
        Assert.Equal(0, portal.OrderViolations);
        var sample = rejectedCodes.First();
        var view = sandboxes.National.FindDossier(sample)!;
        Assert.Equal(sandboxes.IGate.Dossiers.Progress(sample).Count, view.Progress.Count);

        var history = await client.GetFromJsonAsync<JsonElement>($"api/messages?businessKey={sample}");
        var dossierMessage = history.GetProperty("messages").EnumerateArray().Single(m => m.GetProperty("flow").GetString() == "dossiers");
        var events = dossierMessage.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("event").GetString()).Where(e => e != "attempt_failed").ToList();
        Assert.Equal(["received", "dead_lettered", "replayed", "delivered"], events);
    }

    private static long Count(JsonElement flow, string name) => flow.GetProperty("counts").GetProperty(name).GetInt64();

    private static async Task<JsonElement> FlowAsync(HttpClient client, string id)
    {
        var flows = await client.GetFromJsonAsync<JsonElement>("api/flows");
        return flows.EnumerateArray().Single(f => f.GetProperty("id").GetString() == id);
    }
}
