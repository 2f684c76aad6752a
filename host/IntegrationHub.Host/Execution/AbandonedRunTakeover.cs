using IntegrationHub.Host.Configuration;
using IntegrationHub.Host.Storage;
using Microsoft.Extensions.Options;
using Npgsql;

namespace IntegrationHub.Host.Execution;

/// <summary>On every host, every <c>Hub:Takeover:After</c> / 3: a run marked 'running' whose flow lock nobody holds
/// lost its host (PostgreSQL frees a session's advisory lock when its connection closes, at once for a killed process),
/// so it is marked 'abandoned' and its flow started again, reading on from its last checkpoint. Only the host whose
/// update marked it enqueues the new run. Hangfire would re-run the dead host's job only after its invisibility timeout
/// (minutes); when it does, <see cref="FlowRunner"/> sees the run was abandoned and does nothing.</summary>
public sealed class AbandonedRunTakeover(
    FlowRunStore runs,
    FlowRunDispatcher dispatcher,
    NpgsqlDataSource dataSource,
    IOptions<HubOptions> options,
    TimeProvider timeProvider,
    ILogger<AbandonedRunTakeover> logger) : BackgroundService
{
    /// <summary>The trigger of a run started in place of an abandoned one.</summary>
    public const string Trigger = "takeover";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.Takeover.CheckInterval, timeProvider);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await CheckAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                // Whatever failed (the database away, Hangfire's storage during a failover), the next tick looks again:
                // a failed background service would stop the whole host.
                logger.LogWarning("Takeover check failed: {Error}", e.Message);
            }
        }
    }

    /// <returns>How many abandoned runs this host took over.</returns>
    public async Task<int> CheckAsync(CancellationToken cancellationToken)
    {
        var taken = 0;
        foreach (var (runId, flowId) in await runs.RunningAsync(cancellationToken))
        {
            // Read after the row: a run takes its lock before its row exists and ends its row before letting go.
            if (await FlowLock.IsHeldAsync(dataSource, FlowRunner.RunLockName(flowId), cancellationToken) ||
                !await runs.AbandonAsync(runId, "the host running it stopped; taken over", timeProvider.GetUtcNow(), cancellationToken))
            {
                continue;
            }

            taken++;
            var request = await dispatcher.RequestRunAsync(flowId, Trigger, cancellationToken);
            logger.LogWarning("Flow {FlowId} run {RunId} was abandoned by its host; taken over: {Status} (job {JobId})", flowId, runId, request.Status, request.JobId);
        }

        return taken;
    }
}
