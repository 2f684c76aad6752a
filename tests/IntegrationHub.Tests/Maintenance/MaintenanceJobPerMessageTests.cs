using System.Net;
using System.Net.Http.Json;
using IntegrationHub.Tests.Infrastructure;

namespace IntegrationHub.Tests.Maintenance;

/// <summary>With one Hangfire job per message (<c>Hub:Delivery:JobPerMessage</c>, the benchmark baseline) the jobs of
/// messages held by a window end at once; the job at the window's end enqueues one for every held message, so the
/// whole backlog goes then, not one message per delivery sweep.</summary>
[Collection(PostgresCollection.Name)]
public sealed class MaintenanceJobPerMessageTests(PostgresCluster cluster)
{
    private const string Flow = "dossiers";
    private const int Dossiers = 12;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task With_a_job_per_message_the_whole_held_backlog_is_delivered_at_the_windows_end()
    {
        await using var sandboxes = await DossierSandboxes.StartAsync();
        sandboxes.IGate.Dossiers.Generate(Dossiers, 0);
        var settings = TestHub.BaseSettings(await cluster.CreateDatabaseAsync());
        sandboxes.ApplyTo(settings);
        settings["Hub:Delivery:JobPerMessage"] = "true";
        // The sweep (at most half of Hub:Takeover:After) would deliver one message per pair each time: out of the way.
        settings["Hub:Delivery:SweepInterval"] = "00:10:00";
        settings["Hub:Takeover:After"] = "00:10:00";
        await using var hub = await TestHub.StartAsync(settings);
        using var client = TestHub.AdminClient(hub);

        // Whole seconds, so that the end is where the window says.
        var until = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.AddSeconds(15).ToUnixTimeSeconds());
        var window = await client.PostAsJsonAsync("api/connectors/national-portal/maintenance", new { to = until, reason = "DVCQG upgrade" });
        Assert.Equal(HttpStatusCode.Created, window.StatusCode);
        await FlowRuns.RunAsync(client, Flow);
        var held = await FlowRuns.FlowAsync(client, Flow);
        Assert.Equal(Dossiers, FlowRuns.Count(held, "pending"));
        Assert.Equal(0, sandboxes.National.DossierStats.DossierCount);
        Assert.True(DateTimeOffset.UtcNow < until, "the window ended before the test could look; the checks above prove nothing");

        await Eventually.ReturnsAsync(async () => FlowRuns.Count(await FlowRuns.FlowAsync(client, Flow), "delivered"), n => n == Dossiers, Patience, "every held dossier delivered after the window");
        Assert.Equal(Dossiers, sandboxes.National.DossierStats.DossierCount);
        Assert.Equal(0, FlowRuns.Count(await FlowRuns.FlowAsync(client, Flow), "deadLettered"));
    }
}
