using IntegrationHub.Contracts;
using IntegrationHub.Host.Configuration;
using IntegrationHub.Host.Execution;
using IntegrationHub.Host.Scheduling;
using IntegrationHub.Host.Storage;
using Npgsql;
using Quartz;

namespace IntegrationHub.Host.Admin;

/// <summary>Reads every enabled flow's status for <c>GET /api/flows</c> and the dashboard's Flows page, from the same
/// sources: the pause table, the run table (a running run's row is its live progress), the counts and Quartz's trigger.</summary>
public sealed class FlowStatusReader(
    FlowCatalog flows,
    FlowRunStore runs,
    DeliveryStore deliveries,
    FlowPauseStore pauses,
    NpgsqlDataSource dataSource,
    ISchedulerFactory schedulers)
{
    /// <summary>Every flow at once: its counts (kept counters), last runs and Quartz triggers are one query each, not
    /// three per flow, so the answer stays quick whatever the number of flows and the history (issue 12, item 4).</summary>
    public async Task<IReadOnlyList<FlowStatus>> ReadAllAsync(CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var configured = flows.Flows;
        var ids = configured.Select(f => f.Id).ToList();
        var paused = await pauses.AllAsync(cancellationToken);
        var counts = await deliveries.CountsAsync(ids, cancellationToken);
        var lastRuns = await runs.LastAsync(ids, cancellationToken);
        var triggers = (await scheduler.QueryTriggers(
                new TriggerQuery { Group = GroupMatcher<TriggerKey>.GroupEquals(FlowScheduler.Group), Take = PagedQuery.All }, cancellationToken))
            .Items.ToDictionary(t => t.Key.Name, t => t.NextFireTimeUtc, StringComparer.Ordinal);
        var list = new List<FlowStatus>();
        foreach (var flow in configured)
        {
            list.Add(await ComposeAsync(
                flow, paused.GetValueOrDefault(flow.Id), lastRuns.GetValueOrDefault(flow.Id), counts[flow.Id], triggers.GetValueOrDefault(TriggerName(flow.Id)), cancellationToken));
        }

        return list;
    }

    /// <returns>Null when no enabled flow has this id.</returns>
    public async Task<FlowStatus?> ReadAsync(string flowId, CancellationToken cancellationToken) =>
        flows.Find(flowId) is { } flow
            ? await ReadAsync(flow, await pauses.FindAsync(flowId, cancellationToken), await schedulers.GetScheduler(cancellationToken), cancellationToken)
            : null;

    private async Task<FlowStatus> ReadAsync(FlowDefinition flow, FlowPause? pause, IScheduler scheduler, CancellationToken cancellationToken)
    {
        var lastRun = await runs.LastAsync(flow.Id, cancellationToken);
        var counts = await deliveries.CountsAsync(flow.Id, cancellationToken);
        var trigger = await scheduler.GetTrigger(new TriggerKey(TriggerName(flow.Id), FlowScheduler.Group), cancellationToken);
        return await ComposeAsync(flow, pause, lastRun, counts, trigger?.NextFireTimeUtc, cancellationToken);
    }

    private async Task<FlowStatus> ComposeAsync(
        FlowDefinition flow, FlowPause? pause, FlowRun? lastRun, FlowCounts counts, DateTimeOffset? nextRunAt, CancellationToken cancellationToken)
    {
        // A row left 'running' by a host that died is not a run: only one holding the flow's lock is.
        var running = lastRun?.Status == FlowState.Running && await FlowLock.IsHeldAsync(dataSource, FlowRunner.RunLockName(flow.Id), cancellationToken);
        var state = pause is not null ? FlowState.Paused : running ? FlowState.Running : FlowState.Enabled;
        return new FlowStatus(flow, state, pause, lastRun, counts, nextRunAt);
    }

    private static string TriggerName(string flowId) => $"flow:{flowId}";
}
