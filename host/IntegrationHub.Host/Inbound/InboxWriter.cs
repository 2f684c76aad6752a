using System.Diagnostics;
using System.Threading.Channels;
using IntegrationHub.Host.Configuration;
using IntegrationHub.Host.Observability;
using IntegrationHub.Host.Storage;
using Microsoft.Extensions.Options;
using Npgsql;

namespace IntegrationHub.Host.Inbound;

/// <summary>Group commit for the gateway: requests queue here and a few commit loops store whatever has gathered in one
/// transaction each, so one WAL flush acknowledges many messages. A request is answered only after its batch commits.
/// When the database fails, waiting requests get 503 at once and a probe brings the gateway back when it returns.</summary>
public sealed class InboxWriter : BackgroundService
{
    private readonly Channel<PendingWrite> _queue;
    private readonly NpgsqlDataSource _dataSource;
    private readonly InboxPressure _pressure;
    private readonly InboxRouterSignal _routerSignal;
    private readonly InboundOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly HubTracing _tracing;
    private readonly HubMetrics _metrics;
    private readonly ConnectionPoolReset _poolReset;
    private readonly ILogger<InboxWriter> _logger;
    private readonly PersonalData.PersonalDataPayloads _personalData;

    public InboxWriter(
        [FromKeyedServices(InboxDataSource.Key)] NpgsqlDataSource dataSource,
        InboxPressure pressure,
        InboxRouterSignal routerSignal,
        IOptions<InboundOptions> options,
        TimeProvider timeProvider,
        HubTracing tracing,
        HubMetrics metrics,
        ConnectionPoolReset poolReset,
        ILogger<InboxWriter> logger,
        PersonalData.PersonalDataPayloads personalData)
    {
        _personalData = personalData;
        _poolReset = poolReset;
        _tracing = tracing;
        _metrics = metrics;
        _dataSource = dataSource;
        _pressure = pressure;
        _routerSignal = routerSignal;
        _options = options.Value;
        _timeProvider = timeProvider;
        _logger = logger;
        _queue = Channel.CreateBounded<PendingWrite>(new BoundedChannelOptions(_options.MaxQueuedRequests) { FullMode = BoundedChannelFullMode.Wait });
    }

    public async Task<InboxWriteResult> SubmitAsync(InboundSubmission submission, CancellationToken cancellationToken)
    {
        if (_pressure.Refusal() is { } refusal)
        {
            return InboxWriteResult.Refused(refusal);
        }

        // The message's trace starts here, under the request's span (which continues a partner's traceparent).
        using var receipt = _tracing.StartInboundReceipt(submission.PartnerId, submission.MessageType);
        var pending = new PendingWrite(submission with { TraceParent = HubTracing.TraceParentOf(receipt ?? Activity.Current) });
        if (!_queue.Writer.TryWrite(pending))
        {
            receipt?.SetStatus(ActivityStatusCode.Error, InboundError.Busy().Code);
            return InboxWriteResult.Refused(InboundError.Busy());
        }

        try
        {
            var result = await pending.Completion.Task.WaitAsync(_options.CommitTimeout, _timeProvider, cancellationToken);
            receipt?.SetTag("integrationhub.outcome", result.Error?.Code ?? (result.Repeated ? "repeated" : "stored"));
            return result;
        }
        catch (TimeoutException)
        {
            _logger.LogWarning("Inbound message {MessageId} of {Partner}: no commit within {Timeout}; answered 503", submission.MessageId, submission.PartnerId, _options.CommitTimeout);
            return InboxWriteResult.Refused(InboundError.StorageUnavailable());
        }
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var loops = Enumerable.Range(0, Math.Max(1, _options.Writers)).Select(_ => CommitLoopAsync(stoppingToken)).ToList();
        loops.Add(ProbeLoopAsync(stoppingToken));
        return Task.WhenAll(loops);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _queue.Writer.TryComplete();
        await base.StopAsync(cancellationToken);
    }

    private async Task CommitLoopAsync(CancellationToken stoppingToken)
    {
        var batch = new List<PendingWrite>(_options.CommitBatchSize);
        // Queued requests are drained even after stop is signalled: each was promised an answer.
        while (await _queue.Reader.WaitToReadAsync(CancellationToken.None))
        {
            batch.Clear();
            while (batch.Count < _options.CommitBatchSize && _queue.Reader.TryRead(out var next))
            {
                batch.Add(next);
            }

            if (batch.Count > 0)
            {
                await CommitAsync(batch);
            }

            if (stoppingToken.IsCancellationRequested && _queue.Reader.Count == 0)
            {
                break;
            }
        }
    }

    private async Task CommitAsync(List<PendingWrite> batch)
    {
        if (_pressure.StorageDown)
        {
            Complete(batch, InboxWriteResult.Refused(InboundError.StorageUnavailable()));
            return;
        }

        // A nonce used twice within one batch: the later use is the replay.
        var unique = new List<PendingWrite>(batch.Count);
        var seen = new HashSet<(string, string)>();
        foreach (var pending in batch)
        {
            if (seen.Add((pending.Submission.PartnerId, pending.Submission.Nonce)))
            {
                unique.Add(pending);
            }
            else
            {
                pending.Completion.TrySetResult(InboxWriteResult.Refused(InboundError.NonceReplayed()));
            }
        }

        var ticks = _timeProvider.GetUtcNow().UtcTicks;
        var now = new DateTimeOffset(ticks - (ticks % 10), TimeSpan.Zero); // PostgreSQL keeps microseconds: receipts must compare equal after a round trip.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var connection = await _dataSource.OpenConnectionAsync(CancellationToken.None);
                var results = await InboxStore.WriteAsync(connection, unique.Select(p => p.Submission).ToList(), now, _personalData, CancellationToken.None);
                var stored = 0;
                for (var i = 0; i < unique.Count; i++)
                {
                    if (results[i].Receipt is not null && !results[i].Repeated)
                    {
                        stored++;
                        _metrics.InboundStored(unique[i].Submission.PartnerId, unique[i].Submission.MessageType);
                    }

                    unique[i].Completion.TrySetResult(results[i]);
                }

                _pressure.Added(stored);
                if (stored > 0)
                {
                    _routerSignal.Notify();
                }

                return;
            }
            catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure && attempt < 3)
            {
                _logger.LogDebug("Inbox commit retried after {SqlState}", e.SqlState);
            }
            catch (Exception e)
            {
                // Connection-level failures mean the database is away: refuse at once until the probe sees it back.
                // Anything else fails this batch only; each client retries with its message id.
                if (e is TimeoutException || DatabaseUnavailable.Is(e))
                {
                    if (_pressure.MarkStorageDown())
                    {
                        _logger.LogError("Inbound gateway: database unavailable ({Error}); answering 503 until it returns", e.Message);
                    }
                }
                else
                {
                    _logger.LogError(e, "Inbound gateway: storing a batch of {Count} failed", unique.Count);
                }

                Complete(unique, InboxWriteResult.Refused(InboundError.StorageUnavailable()));
                return;
            }
        }
    }

    private async Task ProbeLoopAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(500), _timeProvider);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                if (!_pressure.StorageDown)
                {
                    continue;
                }

                try
                {
                    // After a failover the promoted standby is found now, not when Npgsql's recheck is due, and no idle
                    // connection to the dead server is handed to a batch once the probe passes.
                    _poolReset.Reset();
                    await using var command = _dataSource.CreateCommand("select 1");
                    await command.ExecuteScalarAsync(stoppingToken);
                    if (_pressure.MarkStorageUp())
                    {
                        _logger.LogWarning("Inbound gateway: database reachable again; accepting messages");
                    }
                }
                catch (Exception e) when (e is NpgsqlException or TimeoutException or System.Net.Sockets.SocketException or IOException)
                {
                    // Still down; the next tick tries again.
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private static void Complete(IEnumerable<PendingWrite> batch, InboxWriteResult result)
    {
        foreach (var pending in batch)
        {
            pending.Completion.TrySetResult(result);
        }
    }

    private sealed class PendingWrite(InboundSubmission submission)
    {
        public InboundSubmission Submission { get; } = submission;

        public TaskCompletionSource<InboxWriteResult> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
