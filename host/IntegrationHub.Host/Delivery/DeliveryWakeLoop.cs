using IntegrationHub.Contracts.Privacy;
using IntegrationHub.Host.Configuration;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Host.Delivery;

/// <summary>Delivers a woken flow+destination in this process at once (no Hangfire job to enqueue and poll for). The
/// runner takes the pair's advisory lock, so when every host is woken only one delivers and the others return at once;
/// a wake-up while the pair runs here makes it run once more when done. A delivery that fails is handed to a Hangfire
/// job (retried there and shown on the dashboard) and the pair is left to Hangfire until that job's first try.</summary>
public sealed class DeliveryWakeLoop(
    DeliveryRunner runner,
    DeliveryDispatcher dispatcher,
    IOptions<HubOptions> options,
    TimeProvider timeProvider,
    ILogger<DeliveryWakeLoop> logger) : BackgroundService
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(string Flow, string Destination), PairState> _pairs = [];
    private readonly SemaphoreSlim _workers = new(Math.Max(1, options.Value.Wake.DeliveryWorkers));
    private readonly List<Task> _running = [];
    private CancellationToken _stopping = new(canceled: true);

    public void Wake(string flowId, string destination)
    {
        var pair = (flowId, destination);
        lock (_gate)
        {
            if (_stopping.IsCancellationRequested)
            {
                return;
            }

            if (!_pairs.TryGetValue(pair, out var state))
            {
                state = new PairState();
                _pairs[pair] = state;
            }

            if (state.Running)
            {
                state.Again = true;
                return;
            }

            if (timeProvider.GetUtcNow() < state.HandedOverUntil)
            {
                // Failing lately: Hangfire has the pair (at most a job a second, as without wake-ups).
                dispatcher.EnqueueJobThrottled(flowId, destination);
                return;
            }

            state.Running = true;
            _running.RemoveAll(t => t.IsCompleted);
            _running.Add(Task.Run(() => RunAsync(pair, state), CancellationToken.None));
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        lock (_gate)
        {
            _stopping = stoppingToken;
        }

        try
        {
            await Task.Delay(Timeout.Infinite, stoppingToken);
        }
        catch (OperationCanceledException)
        {
        }

        Task[] running;
        lock (_gate)
        {
            running = [.. _running];
        }

        // A delivery cancelled mid-write is recorded as unknown and sent again under the same keys (see DeliveryRunner).
        await Task.WhenAll(running);
    }

    private async Task RunAsync((string Flow, string Destination) pair, PairState state)
    {
        var stopping = _stopping;
        while (true)
        {
            lock (_gate)
            {
                state.Again = false;
            }

            var failed = false;
            try
            {
                await _workers.WaitAsync(stopping);
                try
                {
                    await runner.RunAsync(pair.Flow, pair.Destination, stopping);
                }
                finally
                {
                    _workers.Release();
                }
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                // Stopping: what is left is pending, delivered by the next host or start.
            }
            catch (Exception e)
            {
                // The runner has recorded the outcomes (retries deferred by their backoff); a Hangfire job takes it from here,
                // after the delay Hangfire puts before its first retry: at once, it would find the failed messages not yet due.
                failed = true;
                HandOver(pair, e);
            }

            lock (_gate)
            {
                if (failed)
                {
                    state.HandedOverUntil = timeProvider.GetUtcNow() + FirstRetryDelay;
                }

                if (failed || !state.Again || stopping.IsCancellationRequested)
                {
                    state.Running = false;
                    state.Again = false;
                    return;
                }
            }
        }
    }

    /// <summary>Never throws: with Hangfire's storage away too (a database failover) the pair would stay marked running
    /// and never be woken here again; the delivery sweep enqueues it once the database is back.</summary>
    private void HandOver((string Flow, string Destination) pair, Exception failure)
    {
        try
        {
            var jobId = dispatcher.Retry(pair.Flow, pair.Destination, FirstRetryDelay);
            logger.LogWarning("Delivery of flow {FlowId} to {Destination} failed when woken ({Error}); handed to job {JobId}",
                pair.Flow, pair.Destination, PersonalDataMask.MaskText(failure.Message), jobId);
        }
        catch (Exception e)
        {
            logger.LogWarning("Delivery of flow {FlowId} to {Destination} failed when woken ({Error}) and could not be handed to a job ({HandOverError}); the delivery sweep takes it up",
                pair.Flow, pair.Destination, PersonalDataMask.MaskText(failure.Message), PersonalDataMask.MaskText(e.Message));
        }
    }

    private TimeSpan FirstRetryDelay =>
        TimeSpan.FromSeconds(options.Value.Jobs.RetryDelaysSeconds is [var first, ..] ? Math.Max(1, first) : 5);

    private sealed class PairState
    {
        public bool Running { get; set; }

        public bool Again { get; set; }

        public DateTimeOffset HandedOverUntil { get; set; } = DateTimeOffset.MinValue;
    }
}
