using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IntegrationHub.Tests.Infrastructure;

namespace IntegrationHub.Tests.PersonalData;

/// <summary>Waits, through the admin API, until a development demo's flows have carried personal data the way a user
/// watching it would see: every dossier iGate held at the start synced to DVCQG and its applicant verified (or skipped,
/// for an organisation), and at least one certified e-copy and one postal shipment delivered.</summary>
internal static class DemoFlows
{
    /// <summary>The flows besides dossiers and citizen checks whose payloads name a citizen by id. Payments and
    /// evaluations are not waited for: the demo's partner simulator sends no payer id (SoCMNDNguoiNop), and its first
    /// paid fee comes a minute or more after the start.</summary>
    private static readonly string[] OneEach = ["e-copies", "shipments-by-post"];

    /// <param name="hub">A client of the demo hub (Development: the admin API answers this machine without a login).</param>
    /// <param name="igate">The iGate sandbox, whose dossier count is read now.</param>
    public static async Task WaitAsync(HttpClient hub, Uri igate, TimeSpan timeout)
    {
        var dossiers = (await hub.GetFromJsonAsync<JsonElement>(new Uri(igate, "sandbox/dossiers/stats"))).GetProperty("dossiers").GetInt32();
        // These run every minute at :45: started now, as the dashboard's "Run now" would (a run already under way
        // answers 409 flow_running and does the same), not to wait up to a minute.
        foreach (var flow in OneEach)
        {
            using var run = await hub.PostAsync($"api/flows/{flow}/run", null);
            Assert.True(run.StatusCode is HttpStatusCode.Accepted or HttpStatusCode.Conflict, $"run {flow}: {(int)run.StatusCode} {await run.Content.ReadAsStringAsync()}");
        }

        await Eventually.ReturnsAsync(
            () => hub.GetFromJsonAsync<JsonElement>("api/flows"),
            flows => Carried(flows, dossiers), timeout, $"the {dossiers} dossiers synced and verified, and one each of {string.Join(", ", OneEach)} delivered");
    }

    private static bool Carried(JsonElement flowList, int dossiers)
    {
        var counts = flowList.EnumerateArray().ToDictionary(f => f.GetProperty("id").GetString()!, f => f.GetProperty("counts"), StringComparer.Ordinal);
        long Count(string flow, string count) => counts[flow].GetProperty(count).GetInt64();
        return Count("dossiers", "delivered") >= dossiers &&
            Count("citizen-checks", "delivered") + Count("citizen-checks", "skipped") >= dossiers &&
            OneEach.All(f => Count(f, "delivered") > 0);
    }
}
