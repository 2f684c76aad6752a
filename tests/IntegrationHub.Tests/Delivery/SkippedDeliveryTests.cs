using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IntegrationHub.Connectors.IGate;
using IntegrationHub.Tests.Infrastructure;

namespace IntegrationHub.Tests.Delivery;

/// <summary>A message its destination side has nothing to do with ends 'skipped': not delivered, not retried, not a
/// dead letter; counted apart and shown with its reason. Here the citizen-checks flow's enricher skips dossiers whose
/// applicant is not a citizen (before, they were counted as delivered and the reason went to a debug log only).</summary>
[Collection(PostgresCollection.Name)]
public sealed class SkippedDeliveryTests(PostgresCluster cluster)
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task A_dossier_whose_applicant_is_not_a_citizen_ends_skipped_with_its_reason_counted_apart_from_delivered()
    {
        await using var sandboxes = await CitizenCheckSandboxes.StartAsync(new IGateSandboxOptions { ApiKey = "igate-test-key", Seed = 11 });
        var igate = sandboxes.IGate;
        var codes = igate.Dossiers.Generate(20, 0);
        var others = codes.Where(c => (int)igate.Dossiers.Snapshot(c)!["loaiDoiTuong"]! != 1).ToList();
        Assert.InRange(others.Count, 1, codes.Count - 1);

        var settings = TestHub.BaseSettings(await cluster.CreateDatabaseAsync());
        sandboxes.ApplyTo(settings);
        await using var hub = await TestHub.StartAsync(settings);
        using var client = TestHub.AdminClient(hub);

        Assert.Equal(HttpStatusCode.Accepted, (await client.PostAsync("api/flows/citizen-checks/run", null)).StatusCode);
        var counts = await Eventually.ReturnsAsync(
            () => CountsAsync(client),
            c => c.GetProperty("delivered").GetInt64() + c.GetProperty("skipped").GetInt64() == codes.Count,
            Patience,
            "every dossier verified or skipped");

        Assert.Equal(others.Count, counts.GetProperty("skipped").GetInt64());
        Assert.Equal(codes.Count - others.Count, counts.GetProperty("delivered").GetInt64());
        Assert.Equal(0, counts.GetProperty("deadLettered").GetInt64());
        Assert.Equal(0, counts.GetProperty("pending").GetInt64());
        Assert.Equal(codes.Count - others.Count, igate.CitizenCheckStats().TotalAppliedWrites);
        Assert.All(others, code => Assert.Null(igate.Dossiers.CitizenCheck(code)));

        // The history says skipped, and why.
        var skipped = others[0];
        var history = await client.GetFromJsonAsync<JsonElement>($"api/messages?businessKey={Uri.EscapeDataString(skipped)}");
        var message = Assert.Single(history.GetProperty("messages").EnumerateArray());
        var delivery = Assert.Single(message.GetProperty("deliveries").EnumerateArray());
        Assert.Equal("skipped", delivery.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, delivery.GetProperty("reference").ValueKind);
        var step = Assert.Single(message.GetProperty("steps").EnumerateArray(), s => s.GetProperty("event").GetString() == "skipped");
        Assert.Equal("igate:citizen-checks", step.GetProperty("destination").GetString());
        Assert.Contains($"the applicant of {skipped} is not a citizen", step.GetProperty("detail").GetString(), StringComparison.Ordinal);

        var page = await client.GetStringAsync($"hangfire/messages?businessKey={Uri.EscapeDataString(skipped)}");
        Assert.Contains("delivery-status\">skipped</span>", page, StringComparison.Ordinal);
        Assert.Contains("data-event=\"skipped\"", page, StringComparison.Ordinal);
        Assert.Contains("is not a citizen", page, StringComparison.Ordinal);
    }

    private static async Task<JsonElement> CountsAsync(HttpClient client)
    {
        var flows = await client.GetFromJsonAsync<JsonElement[]>("api/flows");
        return flows!.Single(f => f.GetProperty("id").GetString() == "citizen-checks").GetProperty("counts");
    }
}
