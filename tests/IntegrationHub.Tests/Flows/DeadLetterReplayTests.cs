using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IntegrationHub.Tests.Infrastructure;

namespace IntegrationHub.Tests.Flows;

/// <summary>Governed replay and discard through the admin API, and the message history that records them.</summary>
[Collection(PostgresCollection.Name)]
public sealed class DeadLetterReplayTests(PostgresCluster cluster)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Dead_letters_are_found_dry_run_replayed_with_a_reason_and_their_history_shows_every_step()
    {
        await using var sandboxes = await SandboxPair.StartAsync(procedures: 300);
        var rejected = sandboxes.National.ProcedureCodes.Skip(10).Take(3).ToArray();
        sandboxes.IGate.SetRejectCodes(rejected);
        var settings = TestHub.BaseSettings(await cluster.CreateDatabaseAsync());
        sandboxes.ApplyTo(settings);
        await using var hub = await TestHub.StartAsync(settings);
        using var client = TestHub.AdminClient(hub);

        await client.PostAsync("api/flows/procedures/run", null);
        await Eventually.ReturnsAsync(() => ProceduresFlowTests.GetFlowAsync(client),
            f => f.GetProperty("counts").GetProperty("deadLettered").GetInt64() == 3 && f.GetProperty("counts").GetProperty("pending").GetInt64() == 0,
            Patience, "3 dead letters");

        var listed = await client.GetFromJsonAsync<JsonElement>("api/dead-letters?errorCode=IGATE-422");
        Assert.Equal(3, listed.GetProperty("total").GetInt32());
        Assert.Equal(rejected.Order(StringComparer.Ordinal), listed.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("businessKey").GetString()).Order(StringComparer.Ordinal));
        Assert.Equal(rejected[0], (await client.GetFromJsonAsync<JsonElement>($"api/dead-letters?businessKey={rejected[0]}")).GetProperty("items")[0].GetProperty("payload").GetProperty("MATTHC").GetString());

        // Refusals change nothing.
        var noReason = await client.PostAsJsonAsync("api/dead-letters/replay", new { errorCode = "IGATE-422" });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Equal("reason_required", (await noReason.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        var noSelection = await client.PostAsJsonAsync("api/dead-letters/replay", new { reason = "everything" });
        Assert.Equal("selection_required", (await noSelection.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());

        var dryRun = await (await client.PostAsJsonAsync("api/dead-letters/replay", new { errorCode = "IGATE-422", dryRun = true })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(3, dryRun.GetProperty("wouldAffect").GetInt32());
        Assert.Equal(3, (await ProceduresFlowTests.GetFlowAsync(client)).GetProperty("counts").GetProperty("deadLettered").GetInt64());

        // The counterparty's rule is fixed; one is discarded, the others replayed.
        sandboxes.IGate.SetRejectCodes([]);
        var discard = await (await client.PostAsJsonAsync("api/dead-letters/discard", new { businessKey = rejected[2], reason = "duplicate of another procedure" })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(1, discard.GetProperty("affected").GetInt32());
        var replay = await client.PostAsJsonAsync("api/dead-letters/replay", new { errorCode = "IGATE-422", flow = "procedures", reason = "iGate accepted the new code format (ticket 42)" });
        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        var replayed = await replay.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(2, replayed.GetProperty("affected").GetInt32());
        Assert.Equal(TestHub.AdminUser, replayed.GetProperty("operator").GetString());

        await Eventually.ReturnsAsync(() => ProceduresFlowTests.GetFlowAsync(client),
            f => f.GetProperty("counts").GetProperty("delivered").GetInt64() == 299, Patience, "the replayed ones delivered");
        Assert.Equal(299, sandboxes.IGate.Stats().DistinctProcedures);
        Assert.Equal(0, (await client.GetFromJsonAsync<JsonElement>("api/dead-letters?flow=procedures")).GetProperty("total").GetInt32());

        var history = await client.GetFromJsonAsync<JsonElement>($"api/messages?businessKey={rejected[0]}");
        var steps = history.GetProperty("messages")[0].GetProperty("steps").EnumerateArray().ToList();
        Assert.Equal(["received", "dead_lettered", "replayed", "delivered"], steps.Select(s => s.GetProperty("event").GetString()));
        Assert.Equal(TestHub.AdminUser, steps[2].GetProperty("operator").GetString());
        Assert.Equal("iGate accepted the new code format (ticket 42)", steps[2].GetProperty("reason").GetString());
        Assert.Equal(replayed.GetProperty("actionId").GetInt64(), steps[2].GetProperty("actionId").GetInt64());
        Assert.Contains("IGATE-422", steps[1].GetProperty("detail").GetString(), StringComparison.Ordinal);

        var discarded = await client.GetFromJsonAsync<JsonElement>($"api/messages?businessKey={rejected[2]}");
        Assert.Equal("discarded", discarded.GetProperty("messages")[0].GetProperty("deliveries")[0].GetProperty("status").GetString());
        Assert.Equal("duplicate of another procedure", discarded.GetProperty("messages")[0].GetProperty("steps").EnumerateArray().Last().GetProperty("reason").GetString());
    }
}
