using IntegrationHub.Connectors.NationalPortal.Sandbox;
using IntegrationHub.Connectors.Sandboxing;
using IntegrationHub.Host.Execution;
using IntegrationHub.Tests.Infrastructure;
using IntegrationHub.Tests.Payments;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrationHub.Tests.Delivery;

/// <summary>Delivery batches are pipelined (a batch is written while the one before it is recorded): with batches of a
/// few messages, new versions of dossiers read while earlier ones are being delivered, failing calls and rejected
/// dossiers, every message is still applied once, in order per dossier, and a rejected dossier's later versions wait.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PipelinedDeliveryTests(PostgresCluster cluster)
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task Small_pipelined_batches_apply_every_version_once_in_order_through_failing_calls_and_hold_behind_dead_letters()
    {
        await using var sandboxes = await DossierSandboxes.StartAsync(rejectEveryNth: 25);
        var codes = sandboxes.IGate.Dossiers.Generate(300, 0);
        var rejected = codes.Where(new NationalPortalRejectRule { RejectEveryNth = 25 }.Rejects).ToHashSet(StringComparer.Ordinal);
        Assert.InRange(rejected.Count, 1, 60);

        // Server errors are answered before the portal applies anything (and retried by the connector), so a duplicate
        // here could only be a message sent twice by the hub.
        sandboxes.NationalFaults.CopyFrom(new SandboxFaultOptions { FailureRate = 0.1, ServerErrorWeight = 1, TooManyRequestsWeight = 0, TimeoutWeight = 0 });
        var database = await cluster.CreateDatabaseAsync();
        var settings = TestHub.BaseSettings(database);
        sandboxes.ApplyTo(settings);
        settings["Hub:Delivery:BatchSize"] = "7";
        settings["Hub:Delivery:RetryBackoff"] = "00:00:00.050";
        settings["Hub:Delivery:MaxRetryBackoff"] = "00:00:00.200";
        settings["Hub:Delivery:MaxAttempts"] = "1000";
        settings["Hub:Delivery:SweepInterval"] = "00:00:01";
        settings["Connectors:igate:BatchSize"] = "40";
        settings["Connectors:national-portal:MaxParallelWrites"] = "4";
        settings["Connectors:national-portal:Resilience:MaxRetryAttempts"] = "10";
        settings["Connectors:national-portal:Resilience:RetryBaseDelay"] = "00:00:00.010";
        settings["Connectors:national-portal:Resilience:RetryMaxDelay"] = "00:00:00.050";
        settings["Connectors:national-portal:Resilience:BreakerMinimumThroughput"] = "100000";
        await using var hub = await TestHub.StartAsync(settings);
        using var client = TestHub.AdminClient(hub);
        var runner = hub.Services.GetRequiredService<FlowRunner>();

        // Each run commits pages of 40 and wakes the delivery; the next versions are made and read while it delivers.
        for (var round = 0; round < 6; round++)
        {
            Assert.Equal("succeeded", await runner.RunAsync("dossiers", null, "test", CancellationToken.None));
            sandboxes.IGate.Dossiers.AdvanceSome(120);
        }

        Assert.Equal("succeeded", await runner.RunAsync("dossiers", null, "test", CancellationToken.None));
        var flow = await Eventually.ReturnsAsync(() => FlowRuns.FlowAsync(client, "dossiers"),
            f => FlowRuns.Count(f, "pending") == FlowRuns.Count(f, "waiting"), Patience, "every message not held delivered or dead-lettered");

        var received = FlowRuns.Count(flow, "received");
        var delivered = FlowRuns.Count(flow, "delivered");
        Assert.True(received > codes.Count + 200, $"{received} messages: versions were read while others were delivered");
        Assert.Equal(rejected.Count, FlowRuns.Count(flow, "deadLettered"));
        Assert.Equal(received, delivered + FlowRuns.Count(flow, "deadLettered") + FlowRuns.Count(flow, "waiting"));
        Assert.Equal(await ScalarAsync(database, "select count(*) from hub.messages where flow_id = 'dossiers' and business_key = any(@codes)", rejected) - rejected.Count,
            FlowRuns.Count(flow, "waiting"));

        var portal = sandboxes.National.DossierStats;
        Assert.True(sandboxes.National.Stats.Faults.Values.Sum() > 20, "calls failed on the way");
        Assert.Equal(0, portal.DuplicatesIgnored);
        Assert.Equal(0, portal.OrderViolations);
        Assert.Equal(codes.Count - rejected.Count, portal.DossierCount);
        Assert.Equal(delivered, portal.DossierCount + portal.DossierUpdates);
        Assert.Equal(0, await PaymentTestKit.ScalarAsync(database,
            "select count(*) from (select message_id from hub.message_log where event = 'delivered' group by message_id having count(*) > 1) twice"));
        Assert.All(rejected, code => Assert.Null(sandboxes.National.FindDossier(code)));
    }

    private static Task<long> ScalarAsync(string database, string sql, IReadOnlyCollection<string> codes) =>
        PaymentTestKit.ScalarAsync(database, sql, ("codes", codes.ToArray()));
}
