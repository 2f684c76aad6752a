using System.Text.Json.Nodes;

namespace IntegrationHub.Benchmarks;

/// <summary>A flow (by default procedures) as the hub reports it (<c>GET /api/flows</c>, anonymous from loopback in Development).</summary>
internal sealed record HubFlowStatus(string RunStatus, long RecordsRead, long MessagesCreated, long Delivered, long Failed, long DeadLettered, long Pending, long Received)
{
    public const string FlowId = "procedures";

    /// <summary>The run has ended and nothing is left to deliver: no further write can reach iGate.</summary>
    public bool Settled => RunStatus is not ("running" or "none") && Pending == 0;

    public static Task<HubFlowStatus?> ReadAsync(HttpClient hub, CancellationToken cancellationToken) => ReadAsync(hub, FlowId, cancellationToken);

    public static async Task<HubFlowStatus?> ReadAsync(HttpClient hub, string flowId, CancellationToken cancellationToken)
    {
        var flows = JsonNode.Parse(await hub.GetStringAsync("api/flows", cancellationToken))?.AsArray();
        var flow = flows?.FirstOrDefault(f => (string?)f?["id"] == flowId);
        if (flow is null)
        {
            return null;
        }

        var run = flow["lastRun"];
        var counts = flow["counts"]!;
        return new HubFlowStatus(
            (string?)run?["status"] ?? "none",
            (long?)run?["recordsRead"] ?? 0,
            (long?)run?["messagesCreated"] ?? 0,
            (long)counts["delivered"]!,
            (long)counts["failed"]!,
            (long)counts["deadLettered"]!,
            (long)counts["pending"]!,
            (long)counts["received"]!);
    }

    public override string ToString() =>
        $"run {RunStatus}, {RecordsRead:N0} read, {MessagesCreated:N0} messages ({Received:N0} received in all); deliveries {Delivered:N0} delivered, " +
        $"{Failed:N0} failing, {DeadLettered:N0} dead-lettered, {Pending:N0} pending";
}
