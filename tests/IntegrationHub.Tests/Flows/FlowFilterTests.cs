using System.Net;
using System.Text.Json;
using IntegrationHub.Tests.Infrastructure;
using IntegrationHub.Tests.Payments;

namespace IntegrationHub.Tests.Flows;

/// <summary><c>Flows:{id}:Filter</c>: a flow makes messages only of the records it wants; the rest are read, counted
/// as filtered and passed over by the checkpoint, so no run reads them again.</summary>
[Collection(PostgresCollection.Name)]
public sealed class FlowFilterTests(PostgresCluster cluster)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Only_dossiers_matching_every_filtered_field_become_messages_and_the_checkpoint_moves_past_the_others()
    {
        await using var sandboxes = await DossierSandboxes.StartAsync();
        var codes = sandboxes.IGate.Dossiers.Generate(30, 0);
        var settings = TestHub.BaseSettings(await cluster.CreateDatabaseAsync());
        sandboxes.ApplyTo(settings);
        // Small pages, so that some pages hold only records the filter passes over.
        settings["Connectors:igate:BatchSize"] = "4";
        settings["Flows:dossiers:Filter:kenhThucHien:0"] = "1";
        settings["Flows:dossiers:Filter:kenhThucHien:1"] = "3";
        settings["Flows:dossiers:Filter:loaiDoiTuong"] = "1";
        await using var hub = await TestHub.StartAsync(settings);
        using var client = TestHub.AdminClient(hub);
        var wanted = Wanted(sandboxes, codes);
        Assert.InRange(wanted.Count, 1, codes.Count - 3);

        var run = (await FlowRuns.RunAsync(client, "dossiers")).GetProperty("lastRun");
        Assert.Equal((codes.Count, codes.Count - wanted.Count, wanted.Count),
            (run.GetProperty("recordsRead").GetInt64(), run.GetProperty("recordsFiltered").GetInt64(), run.GetProperty("messagesCreated").GetInt64()));
        await Eventually.ReturnsAsync(() => FlowRuns.FlowAsync(client, "dossiers"), f => FlowRuns.Count(f, "delivered") == wanted.Count, Patience, "the wanted dossiers delivered");
        Assert.Equal(wanted.Count, sandboxes.National.DossierStats.DossierCount);
        Assert.All(codes, c => Assert.Equal(wanted.Contains(c), sandboxes.National.FindDossier(c) is not null));
        Assert.Equal(wanted.Count, FlowRuns.Count(await FlowRuns.FlowAsync(client, "dossiers"), "received"));

        // Nothing is read twice: the checkpoint moved past the filtered records too, the last page's included.
        var again = (await FlowRuns.RunAsync(client, "dossiers")).GetProperty("lastRun");
        Assert.Equal((0, 0), (again.GetProperty("recordsRead").GetInt64(), again.GetProperty("recordsFiltered").GetInt64()));

        var added = Enumerable.Range(0, 8).Select(_ => sandboxes.IGate.Dossiers.Add()).ToList();
        var next = (await FlowRuns.RunAsync(client, "dossiers")).GetProperty("lastRun");
        var addedWanted = Wanted(sandboxes, added).Count;
        Assert.Equal((added.Count, added.Count - addedWanted, addedWanted),
            (next.GetProperty("recordsRead").GetInt64(), next.GetProperty("recordsFiltered").GetInt64(), next.GetProperty("messagesCreated").GetInt64()));
    }

    [Fact]
    public async Task A_pushed_message_the_filter_passes_over_is_routed_without_a_message_and_a_wanted_one_gets_one()
    {
        var settings = TestHub.BaseSettings(await cluster.CreateDatabaseAsync());
        settings["Flows:evaluations:Filter:DiemDanhGia:0"] = "1";
        settings["Flows:evaluations:Filter:DiemDanhGia:1"] = "2";
        await using var hub = await TestHub.StartAsync(settings);
        var database = settings["ConnectionStrings:Hub"]!;
        using var dvcqg = Inbound.InboundRestTests.PartnerClient(hub);

        foreach (var (id, maHoSo, score) in new[] { ("dg-good", "H56.01-260101-0001", 5), ("dg-poor", "H56.01-260101-0002", 1), ("dg-fair", "H56.01-260101-0003", 3) })
        {
            var accepted = await dvcqg.PostAsync("/api/inbound/dvcqg/danh-gia", Inbound.InboundRestTests.Body(Inbound.InboundRestTests.Evaluation(id, maHoSo, score)));
            Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        }

        await Eventually.ReturnsAsync(() => PaymentTestKit.ScalarAsync(database, "select count(*) from hub.inbox_unrouted"), n => n == 0, Patience, "every pushed message routed");
        Assert.Equal(3, await PaymentTestKit.ScalarAsync(database, "select count(*) from hub.inbox"));
        Assert.Equal(1, await PaymentTestKit.ScalarAsync(database, "select count(*) from hub.messages where flow_id = 'evaluations'"));
        Assert.Equal(1, await PaymentTestKit.ScalarAsync(database, "select count(*) from hub.messages where flow_id = 'evaluations' and business_key = 'H56.01-260101-0002'"));
    }

    /// <summary>What the filter above wants, worked out from the sandbox's dossiers rather than from the hub's code.</summary>
    private static HashSet<string> Wanted(DossierSandboxes sandboxes, IEnumerable<string> codes) =>
        codes.Where(c =>
        {
            var dossier = sandboxes.IGate.Dossiers.Snapshot(c)!;
            return (int)dossier["kenhThucHien"]! is 1 or 3 && (int)dossier["loaiDoiTuong"]! == 1;
        }).ToHashSet(StringComparer.Ordinal);
}
