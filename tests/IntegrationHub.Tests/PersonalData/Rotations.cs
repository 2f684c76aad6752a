using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IntegrationHub.Tests.Infrastructure;

namespace IntegrationHub.Tests.PersonalData;

/// <summary>A rotation through the admin API: <c>POST /api/personal-data/reencrypt</c> queues its job (202), and its
/// outcome is read from the job's address once it has ended.</summary>
public static class Rotations
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    /// <returns>The 202's body (jobId, state, job).</returns>
    public static async Task<JsonElement> QueueAsync(HttpClient client, string reason)
    {
        var response = await client.PostAsJsonAsync("api/personal-data/reencrypt", new { reason });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var accepted = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(accepted.GetProperty("job").GetString(), response.Headers.Location?.OriginalString);
        return accepted;
    }

    /// <summary>The job's view once it is in <paramref name="state"/>.</summary>
    public static Task<JsonElement> WhenAsync(HttpClient client, JsonElement accepted, string state) =>
        Eventually.ReturnsAsync(() => client.GetFromJsonAsync<JsonElement>(accepted.GetProperty("job").GetString()!.TrimStart('/')),
            job => job.GetProperty("state").GetString() == state || (state != "failed" && job.GetProperty("state").GetString() == "failed"),
            Patience, $"the re-encryption job {state}");

    /// <summary>Queues a rotation and waits for its job to succeed.</summary>
    /// <returns>The job's view: actionId, currentKey, rewritten, payloads, unreadable.</returns>
    public static async Task<JsonElement> RunAsync(HttpClient client, string reason)
    {
        var done = await WhenAsync(client, await QueueAsync(client, reason), "succeeded");
        Assert.Equal("succeeded", done.GetProperty("state").GetString());
        return done;
    }
}
