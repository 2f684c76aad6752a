using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace IntegrationHub.Tests.Infrastructure;

/// <summary>Starts a flow run through the admin API and waits for that run (by its job id) to succeed.</summary>
public static class FlowRuns
{
    public static async Task<JsonElement> RunAsync(HttpClient client, string flowId, TimeSpan? timeout = null)
    {
        var started = await client.PostAsync($"api/flows/{flowId}/run", null);
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var jobId = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("jobId").GetString();
        return await Eventually.ReturnsAsync(() => FlowAsync(client, flowId),
            f => f.GetProperty("lastRun") is { ValueKind: JsonValueKind.Object } run && run.GetProperty("jobId").GetString() == jobId && run.GetProperty("status").GetString() == "succeeded",
            timeout ?? TimeSpan.FromSeconds(60), $"run {jobId} of flow {flowId} to succeed");
    }

    public static async Task<JsonElement> FlowAsync(HttpClient client, string flowId)
    {
        var flows = await client.GetFromJsonAsync<JsonElement>("api/flows");
        return flows.EnumerateArray().Single(f => f.GetProperty("id").GetString() == flowId);
    }

    public static long Count(JsonElement flow, string name) => flow.GetProperty("counts").GetProperty(name).GetInt64();
}
