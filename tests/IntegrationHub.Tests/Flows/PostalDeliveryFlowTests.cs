using System.Net.Http.Json;
using System.Text.Json;
using IntegrationHub.Connectors.IGate;
using IntegrationHub.Connectors.Postal;
using IntegrationHub.Tests.Infrastructure;

namespace IntegrationHub.Tests.Flows;

/// <summary>Results delivered by post: the dossiers whose applicant chose the post become shipments (the others make no
/// message), each delivery showing the tracking number as its reference, and the post's tracking reaches iGate.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostalDeliveryFlowTests(PostgresCluster cluster)
{
    [Fact]
    public async Task Dossiers_by_post_become_shipments_with_their_tracking_number_and_the_tracking_reaches_iGate()
    {
        await using var igate = new IGateSandbox(new IGateSandboxOptions { ApiKey = "igate-test-key", Seed = 5, Applicants = new IGateApplicantOptions { ByPostPercent = 25 } });
        await using var postal = new PostalSandbox(new PostalSandboxOptions { ApiKey = "postal-test-key" });
        var settings = TestHub.BaseSettings(await cluster.CreateDatabaseAsync());
        settings.Wire(igate, await igate.StartAsync(CancellationToken.None));
        settings.Wire(postal, await postal.StartAsync(CancellationToken.None));
        var codes = igate.Dossiers.Generate(24, 0);
        var byPost = codes.Where(c => (string?)igate.Dossiers.Snapshot(c)!["hinhThucNhanKetQua"] == "BuuChinh").ToList();
        Assert.InRange(byPost.Count, 1, codes.Count - 1);
        await using var hub = await TestHub.StartAsync(settings);
        using var client = TestHub.AdminClient(hub);

        var run = (await FlowRuns.RunAsync(client, "shipments-by-post")).GetProperty("lastRun");
        Assert.Equal((codes.Count, byPost.Count), (run.GetProperty("recordsRead").GetInt64(), run.GetProperty("messagesCreated").GetInt64()));
        await Eventually.ReturnsAsync(() => FlowRuns.FlowAsync(client, "shipments-by-post"), f => FlowRuns.Count(f, "delivered") == byPost.Count, TimeSpan.FromMinutes(1), "a shipment per dossier by post");
        var trackingNumbers = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var code in byPost)
        {
            var history = await client.GetFromJsonAsync<JsonElement>($"api/messages?businessKey={Uri.EscapeDataString(code)}");
            var delivery = Assert.Single(Assert.Single(history.GetProperty("messages").EnumerateArray()).GetProperty("deliveries").EnumerateArray());
            trackingNumbers[code] = delivery.GetProperty("reference").GetString()!;
            Assert.Equal(("postal:shipments", "ACCEPTED"), (delivery.GetProperty("destination").GetString(), postal.StatusOf(trackingNumbers[code])));
        }

        postal.AdvanceAll();
        await FlowRuns.RunAsync(client, "postal-tracking");
        await Eventually.ReturnsAsync(() => Task.FromResult(codes.Sum(c => igate.Dossiers.DeliveryStatuses(c).Count)), n => n == 2 * byPost.Count, TimeSpan.FromMinutes(1), "two tracking events per shipment at iGate");
        Assert.All(byPost, code => Assert.Equal(
            [("ACCEPTED", trackingNumbers[code]), ("IN_TRANSIT", trackingNumbers[code])], igate.Dossiers.DeliveryStatuses(code).Select(s => (s.TrangThai, s.MaBuuGui))));
    }
}
