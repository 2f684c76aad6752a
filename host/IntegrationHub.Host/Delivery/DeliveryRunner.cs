using IntegrationHub.Contracts;
using IntegrationHub.Contracts.Privacy;
using IntegrationHub.Host.Configuration;
using IntegrationHub.Host.Enrichment;
using IntegrationHub.Host.Observability;
using IntegrationHub.Host.Storage;
using Microsoft.Extensions.Options;
using Npgsql;

namespace IntegrationHub.Host.Delivery;

/// <summary>Drains a flow's pending messages to one destination in message order, in batches. Delivered messages are
/// marked, permanent rejections made dead letters (the rest flow on), transient failures retried with backoff.</summary>
public sealed class DeliveryRunner(
    FlowCatalog flows,
    ConnectorCatalog connectors,
    NpgsqlDataSource dataSource,
    DeliveryStore store,
    InstallationStore installation,
    MessageEnrichers enrichers,
    HubTracing tracing,
    HubMetrics metrics,
    DeliveryMaintenance maintenance,
    DeliveryDispatcher dispatcher,
    IOptions<HubOptions> hubOptions,
    TimeProvider timeProvider,
    ILogger<DeliveryRunner> logger)
{
    /// <summary>Batches one drain writes at once while there is a backlog: a slow write (one slow call holds its whole
    /// batch) no longer stops the pair, and a batch's recording is hidden behind the next write.</summary>
    public const int BatchesInFlight = 2;

    public static string DeliverLockName(string flowId, string destination) => $"flow-deliver:{flowId}:{destination}";

    public async Task RunAsync(string flowId, string destination, CancellationToken cancellationToken)
    {
        if (flows.Find(flowId) is null || !StreamRef.TryParse(destination, out var target) || !connectors.IsRegistered(target!.ConnectorId))
        {
            logger.LogWarning("Delivery of flow {FlowId} to {Destination} skipped: the flow or destination is no longer configured", flowId, destination);
            return;
        }

        var connector = connectors.GetDestination(target.ConnectorId);
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["FlowId"] = flowId, ["Destination"] = destination });
        if (hubOptions.Value.Delivery.JobPerMessage)
        {
            if (await DeferredForMaintenanceAsync(flowId, destination, target.ConnectorId, cancellationToken))
            {
                return;
            }

            await DeliverOneAsync(flowId, destination, connector, target.Stream, cancellationToken);
            return;
        }

        while (true)
        {
            if (await DeferredForMaintenanceAsync(flowId, destination, target.ConnectorId, cancellationToken))
            {
                return;
            }

            DeliveryFailedException? failure;
            await using (var deliverLock = await FlowLock.TryAcquireAsync(dataSource, DeliverLockName(flowId, destination), cancellationToken))
            {
                if (deliverLock is null)
                {
                    // The holder re-checks for new messages after it lets go, so nothing is stranded.
                    return;
                }

                failure = await DrainAsync(flowId, destination, connector, target.Stream, cancellationToken);
            }

            if (failure is not null)
            {
                throw failure;
            }

            // Deferred messages are picked up by the delivery sweep when they fall due.
            if (!await store.HasDuePendingAsync(flowId, destination, timeProvider.GetUtcNow(), cancellationToken))
            {
                return;
            }
        }
    }

    /// <summary>At a maintenance window's end (or when it is ended early): what the window held goes. One drain takes it all;
    /// but with one job per message (<c>Hub:Delivery:JobPerMessage</c>) the jobs enqueued for the held messages met the
    /// window and ended, so a job is enqueued again for each message still open (one per sweep would take hours).</summary>
    public async Task ResumeAsync(string flowId, string destination, CancellationToken cancellationToken)
    {
        if (!hubOptions.Value.Delivery.JobPerMessage || flows.Find(flowId) is null || !StreamRef.TryParse(destination, out var target))
        {
            await RunAsync(flowId, destination, cancellationToken);
            return;
        }

        if (await DeferredForMaintenanceAsync(flowId, destination, target!.ConnectorId, cancellationToken))
        {
            return;
        }

        var open = await store.CountOpenAsync(flowId, destination, cancellationToken);
        for (var i = 0; i < open; i++)
        {
            dispatcher.Enqueue(flowId, destination);
        }

        logger.LogInformation("Delivery of flow {FlowId} to {Destination} resumes after maintenance: {Count} jobs enqueued, one per open message", flowId, destination, open);
    }

    /// <summary>While the counterparty (or one the flow's enricher calls) is in maintenance nothing is claimed (no attempt
    /// is spent, nothing fails or becomes a dead letter, its circuit sees no call): the messages stay pending and a delivery
    /// job is scheduled for the window's end.</summary>
    private async Task<bool> DeferredForMaintenanceAsync(string flowId, string destination, string connectorId, CancellationToken cancellationToken)
    {
        if (await maintenance.CurrentAsync(flowId, connectorId, cancellationToken) is not { } window)
        {
            return false;
        }

        if (dispatcher.ScheduleOnce(flowId, destination, window.To) is { } jobId)
        {
            logger.LogInformation("Delivery of flow {FlowId} to {Destination} waits: {Connector} is in maintenance until {Until:O} ({Reason}); job {JobId} delivers then",
                flowId, destination, window.ConnectorId, window.To, window.Reason, jobId);
        }

        return true;
    }

    /// <summary>The benchmark baseline: this job delivers one message, waiting its turn for the flow's lock.</summary>
    private async Task DeliverOneAsync(string flowId, string destination, IDestinationConnector connector, string stream, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using (var wait = new NpgsqlCommand("select pg_advisory_lock(hashtextextended(@name, 0))", connection))
        {
            wait.Parameters.AddWithValue("name", DeliverLockName(flowId, destination));
            await wait.ExecuteNonQueryAsync(cancellationToken);
        }

        try
        {
            var failure = await DrainAsync(flowId, destination, connector, stream, cancellationToken, maxBatches: 1, batchSize: 1);
            if (failure is not null)
            {
                throw failure;
            }
        }
        finally
        {
            await using var release = new NpgsqlCommand("select pg_advisory_unlock_all()", connection);
            await release.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }

    /// <summary>Claims, writes and records batches in message order. While there is a backlog (full batches, e.g. a run's
    /// page) up to <see cref="BatchesInFlight"/> batches are written at once and each batch's outcomes are recorded while
    /// later ones are written; recordings land one at a time, in claim order. A batch claimed while others are in flight
    /// holds only other records' messages (a record's later message stays 'waiting' until its earlier one is recorded), so
    /// order per record holds; the batches in flight are left out of the claim, so nothing is sent twice. Without a
    /// backlog (a push at a time) the next claim waits for the recording, so what comes meanwhile makes one batch, not many
    /// tiny ones. A batch that stopped on a failure is recorded, after the batches written beside it, before its failure
    /// is returned, and nothing is claimed after it.</summary>
    private async Task<DeliveryFailedException?> DrainAsync(
        string flowId, string destination, IDestinationConnector connector, string stream, CancellationToken cancellationToken, int maxBatches = int.MaxValue, int? batchSize = null)
    {
        batchSize ??= Math.Max(1, hubOptions.Value.Delivery.BatchSize);
        var hubId = await installation.IdAsync(cancellationToken);
        var enricher = enrichers.Find(flows.Options[flowId].Enricher);
        var schema = StreamRef.TryParse(destination, out var target) ? connectors.PayloadSchemas.Find(target!.ConnectorId, stream) : null;
        var writing = new Queue<InFlightBatch>();
        Task? recording = null;
        IReadOnlyList<PendingDelivery> recorded = [];
        var claims = 0;
        var backlog = true;
        // Taken off the queue and not yet handed to a recording (which ends its spans).
        InFlightBatch? taken = null;
        try
        {
            while (true)
            {
                while (backlog && writing.Count < BatchesInFlight && claims < maxBatches)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    // A window that began during the drain: claim no more (RunAsync then waits for its end).
                    if (target is not null && await maintenance.CurrentAsync(flowId, target.ConnectorId, cancellationToken) is not null)
                    {
                        backlog = false;
                        break;
                    }

                    var batch = await ClaimAsync(flowId, destination, batchSize.Value, [.. writing.SelectMany(w => w.Batch), .. recorded], cancellationToken);
                    if (batch.Count == 0)
                    {
                        backlog = false;
                        break;
                    }

                    claims++;
                    var trace = new DeliveryTrace(tracing, flowId, destination, batch);
                    writing.Enqueue(new InFlightBatch(batch, trace, WriteBatchAsync(trace, hubId, enricher, schema, flowId, connector, stream, destination, batch, cancellationToken)));
                    backlog = batch.Count == batchSize.Value;
                }

                if (writing.Count == 0)
                {
                    if (recording is null)
                    {
                        return null;
                    }

                    // Claim again once the recording is in: it may make a record's next message due, and what came meanwhile
                    // joins one batch.
                    await recording;
                    (recording, recorded, backlog) = (null, [], claims < maxBatches);
                    continue;
                }

                var written = taken = writing.Dequeue();
                var (results, failure) = await written.Write;
                if (recording is not null)
                {
                    await recording;
                }

                (recording, recorded, taken) = (RecordAsync(written.Trace, flowId, destination, written.Batch, results), written.Batch, null);
                if (failure is not null)
                {
                    while (writing.TryDequeue(out var beside))
                    {
                        taken = beside;
                        var (besideResults, _) = await beside.Write;
                        await recording;
                        (recording, recorded, taken) = (RecordAsync(beside.Trace, flowId, destination, beside.Batch, besideResults), beside.Batch, null);
                    }

                    await recording;
                    return failure;
                }
            }
        }
        catch
        {
            // Cancelled (or failed) with batches in flight: the recording under way lands (or fails) first; a batch written
            // but not recorded is sent again under the same keys, as one cancelled mid-write.
            foreach (var unrecorded in taken is null ? writing : writing.Prepend(taken))
            {
                await ((Task)unrecorded.Write).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                if (unrecorded.Write.IsCompletedSuccessfully)
                {
                    unrecorded.Trace.Dispose();
                }
            }

            if (recording is not null)
            {
                await recording.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }

            throw;
        }
    }

    /// <summary>Writes one claimed batch (enriched first if the flow has an enricher); its spans end when it is recorded,
    /// or here if the write throws.</summary>
    private async Task<(List<DeliveryResult> Results, DeliveryFailedException? Failure)> WriteBatchAsync(
        DeliveryTrace trace, string hubId, IMessageEnricher? enricher, PayloadSchema? schema, string flowId, IDestinationConnector connector, string stream,
        string destination, IReadOnlyList<PendingDelivery> batch, CancellationToken cancellationToken)
    {
        try
        {
            var messages = batch.Select(p => new OutboundMessage(
                p.MessageId, IdempotencyKey(hubId, flowId, destination, p), p.RecordKey, p.BusinessKey, p.Payload, p.Attempts + 1)).ToList();
            return enricher is null
                ? await CheckAndWriteAsync(trace, schema, connector, stream, destination, messages, cancellationToken)
                : await EnrichAndWriteAsync(trace, enricher, schema, flowId, connector, stream, destination, messages, cancellationToken);
        }
        catch
        {
            trace.Dispose();
            throw;
        }
    }

    /// <summary>The next due batch, leaving out the batches in flight (until their recordings commit, their messages are
    /// still 'pending'). ClaimBatchAsync is asked for that many more, so the batch is full when more are due.</summary>
    private async Task<IReadOnlyList<PendingDelivery>> ClaimAsync(string flowId, string destination, int batchSize, IReadOnlyList<PendingDelivery> inFlight, CancellationToken cancellationToken)
    {
        if (inFlight.Count == 0)
        {
            return await store.ClaimBatchAsync(flowId, destination, batchSize, timeProvider.GetUtcNow(), cancellationToken);
        }

        var leftOut = inFlight.Select(p => p.MessageId).ToHashSet();
        var claimed = await store.ClaimBatchAsync(flowId, destination, batchSize + leftOut.Count, timeProvider.GetUtcNow(), cancellationToken);
        return [.. claimed.Where(p => !leftOut.Contains(p.MessageId)).Take(batchSize)];
    }

    /// <summary>Records a written batch's outcomes and ends its spans. With no token: once the destination has answered,
    /// a cancellation must not lose its answer (cancelled mid-call, the outcome is unknown and the batch is sent again under
    /// the same keys; so is a batch written while the recording before it failed).</summary>
    private async Task RecordAsync(DeliveryTrace trace, string flowId, string destination, IReadOnlyList<PendingDelivery> batch, List<DeliveryResult> results)
    {
        using (trace)
        {
            await store.RecordAsync(flowId, destination, results, flows.Options[flowId].HoldBehindDeadLetter, timeProvider.GetUtcNow(), CancellationToken.None);
            trace.Record(results);
            metrics.DeliveriesRecorded(flowId, destination, results, batch.ToDictionary(p => p.MessageId, p => p.ReceivedAt), timeProvider.GetUtcNow());
        }
    }

    /// <summary>The source's own version (e.g. a dossier's) makes the key "record + version", stable even across hub
    /// databases; a version the hub hashed can repeat (A, B, A), so then the message id (with the database's id) is used.</summary>
    public static string IdempotencyKey(string hubId, string flowId, string destination, PendingDelivery delivery) =>
        delivery.Version.StartsWith(MessageStore.HashedVersionPrefix, StringComparison.Ordinal)
            ? $"{hubId}:{flowId}:{delivery.MessageId}:{destination}"
            : $"{flowId}:{delivery.RecordKey}:{delivery.Version}:{destination}";

    /// <summary>Enriches the batch in message order, then writes what the enricher produced. A Permanent enrichment
    /// failure makes its message a dead letter and the rest go on; any other failure stops the batch there (the rest are not
    /// attempted) after the messages before it are written.</summary>
    private async Task<(List<DeliveryResult> Results, DeliveryFailedException? Failure)> EnrichAndWriteAsync(
        DeliveryTrace trace,
        IMessageEnricher enricher, PayloadSchema? schema, string flowId, IDestinationConnector connector, string stream, string destination,
        List<OutboundMessage> messages, CancellationToken cancellationToken)
    {
        var results = new List<DeliveryResult>(messages.Count);
        var enriched = new List<OutboundMessage>(messages.Count);
        DeliveryFailedException? stop = null;
        foreach (var message in messages)
        {
            if (stop is not null)
            {
                results.Add(ToResult(message, stop.Failure, 0, countAttempt: false));
                continue;
            }

            var started = timeProvider.GetTimestamp();
            EnrichmentOutcome outcome;
            Exception? error = null;
            // The enricher's calls (e.g. the population database's SOAP) belong to this message's trace.
            using var current = trace.Enter(message.MessageId);
            using var scope = logger.BeginScope(trace.ScopeOf(message.MessageId));
            try
            {
                outcome = await enricher.EnrichAsync(flowId, message, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception e)
            {
                error = e;
                outcome = EnrichmentOutcome.Failed(FailureOf(e));
            }

            if (outcome.Failure is { } failure)
            {
                results.Add(ToResult(message, failure, ElapsedMs(started)));
                if (failure.Kind != FailureKind.Permanent)
                {
                    logger.LogWarning("Enrichment {Enricher} of flow {FlowId} failed ({Kind} {Code}): {Error}", enricher.Name, flowId, failure.Kind, failure.Code, PersonalDataMask.MaskText(failure.Message));
                    stop = new DeliveryFailedException(destination, failure, error ?? new InvalidOperationException(failure.Message));
                }
            }
            else if (outcome.SkipReason is { } reason)
            {
                // Done without a write, as when a destination answers Skipped: the step says why.
                logger.LogDebug("Message {MessageId} of flow {FlowId} skipped by {Enricher}: {Reason}", message.MessageId, flowId, enricher.Name, reason);
                results.Add(Skipped(message, reason, ElapsedMs(started)));
            }
            else
            {
                enriched.Add(message with { Payload = outcome.Payload! });
            }
        }

        if (enriched.Count > 0)
        {
            var (written, failure) = await CheckAndWriteAsync(trace, schema, connector, stream, destination, enriched, cancellationToken);
            results.AddRange(written);
            stop ??= failure;
        }

        return (results, stop);
    }

    /// <summary>A connector's own classification, else Transient: an unexpected error is retried, never a dead letter at once.</summary>
    private static ConnectorFailure FailureOf(Exception e) =>
        e is ConnectorException ce ? ce.Failure : new ConnectorFailure(FailureKind.Transient, "UNEXPECTED", e.Message);

    /// <summary>Messages whose payload does not match the destination stream's declared schema are dead letters
    /// naming the failing path, and never reach the connector; the rest are written.</summary>
    private async Task<(List<DeliveryResult> Results, DeliveryFailedException? Failure)> CheckAndWriteAsync(
        DeliveryTrace trace, PayloadSchema? schema, IDestinationConnector connector, string stream, string destination, List<OutboundMessage> messages,
        CancellationToken cancellationToken)
    {
        if (schema is null)
        {
            return await WriteAsync(trace, connector, stream, destination, messages, cancellationToken);
        }

        var refused = new List<DeliveryResult>();
        var matching = new List<OutboundMessage>(messages.Count);
        foreach (var message in messages)
        {
            if (schema.Problem(message.Payload) is { } problem)
            {
                refused.Add(ToResult(message, new ConnectorFailure(FailureKind.Permanent, PayloadSchema.ErrorCode, problem), 0));
            }
            else
            {
                matching.Add(message);
            }
        }

        if (refused.Count > 0)
        {
            logger.LogWarning("{Count} messages to {Destination} do not match its payload schema and are dead letters", refused.Count, destination);
        }

        if (matching.Count == 0)
        {
            return (refused, null);
        }

        var (results, failure) = await WriteAsync(trace, connector, stream, destination, matching, cancellationToken);
        refused.AddRange(results);
        return (refused, failure);
    }

    private async Task<(List<DeliveryResult> Results, DeliveryFailedException? Failure)> WriteAsync(
        DeliveryTrace trace, IDestinationConnector connector, string stream, string destination, List<OutboundMessage> messages, CancellationToken cancellationToken)
    {
        var started = timeProvider.GetTimestamp();
        using var current = trace.EnterWrite([.. messages.Select(m => m.MessageId)]);
        using var scope = messages.Count == 1 ? logger.BeginScope(trace.ScopeOf(messages[0].MessageId)) : null;
        try
        {
            var outcomes = await connector.WriteAsync(stream, messages, cancellationToken);
            var duration = ElapsedMs(started);
            var byId = outcomes.GroupBy(o => o.MessageId).ToDictionary(g => g.Key, g => g.First());
            var results = messages.Select(m => byId.TryGetValue(m.MessageId, out var outcome)
                ? ToResult(m, outcome, duration)
                : ToResult(m, new ConnectorFailure(FailureKind.Transient, "NO_OUTCOME", "The connector returned no outcome for this message."), duration)).ToList();
            return (results, null);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (ConnectorException e) when (e.Failure.Kind == FailureKind.Permanent && messages.Count > 1)
        {
            // One poison message must not sink its batch: find it by sending the batch one by one.
            logger.LogWarning("Batch to {Destination} rejected permanently ({Code}); retrying its {Count} messages one by one", destination, e.Failure.Code, messages.Count);
            var results = new List<DeliveryResult>(messages.Count);
            foreach (var message in messages)
            {
                var (single, failure) = await WriteAsync(trace, connector, stream, destination, [message], cancellationToken);
                results.AddRange(single);
                if (failure is not null)
                {
                    results.AddRange(messages.SkipWhile(m => m != message).Skip(1).Select(m => ToResult(m, failure.Failure, 0, countAttempt: false)));
                    return (results, failure);
                }
            }

            return (results, null);
        }
        catch (ConnectorException e) when (e.Failure.Kind == FailureKind.Permanent)
        {
            return ([ToResult(messages[0], e.Failure, ElapsedMs(started))], null);
        }
        catch (Exception e)
        {
            var failure = FailureOf(e);
            var duration = ElapsedMs(started);
            logger.LogWarning("Delivery of {Count} messages to {Destination} failed ({Kind} {Code}): {Error}", messages.Count, destination, failure.Kind, failure.Code, PersonalDataMask.MaskText(failure.Message));
            return (messages.Select(m => ToResult(m, failure, duration)).ToList(), new DeliveryFailedException(destination, failure, e));
        }
    }

    /// <summary>A connector's outcome: skipped with its reason, delivered with its reference, or failed.</summary>
    private DeliveryResult ToResult(OutboundMessage message, WriteOutcome outcome, int durationMs)
    {
        if (outcome.Failure is null && OutcomeText.Reason(outcome.SkipReason) is { } reason)
        {
            return Skipped(message, reason, durationMs);
        }

        var result = ToResult(message, outcome.Failure, durationMs);
        return outcome.Failure is null && OutcomeText.Reference(outcome.Reference) is { } reference
            ? result with { Reference = reference, Note = "reference " + reference }
            : result;
    }

    private static DeliveryResult Skipped(OutboundMessage message, string reason, int durationMs) =>
        new(message.MessageId, DeliveryStatus.Skipped, message.Attempt, null, null, null, "skipped", durationMs, Note: OutcomeText.Reason(reason));

    private DeliveryResult ToResult(OutboundMessage message, ConnectorFailure? failure, int durationMs, bool countAttempt = true)
    {
        var attempts = countAttempt ? message.Attempt : message.Attempt - 1;
        if (failure is null)
        {
            return new DeliveryResult(message.MessageId, DeliveryStatus.Delivered, attempts, null, null, null, "delivered", durationMs);
        }

        if (failure.Kind == FailureKind.Permanent)
        {
            return new DeliveryResult(message.MessageId, DeliveryStatus.Dead, attempts, null, failure.Code, failure.Message, "dead_lettered", durationMs);
        }

        var maxAttempts = hubOptions.Value.Delivery.MaxAttempts;
        if (attempts >= maxAttempts)
        {
            return new DeliveryResult(message.MessageId, DeliveryStatus.Dead, attempts, null, failure.Code,
                $"Gave up after {attempts} attempts: {failure.Message}", "dead_lettered", durationMs);
        }

        // A whole-batch failure (countAttempt false or the job will be retried) keeps the message due at once.
        var backoff = hubOptions.Value.Delivery.RetryBackoff * Math.Pow(2, Math.Max(0, attempts - 1));
        var maxBackoff = hubOptions.Value.Delivery.MaxRetryBackoff;
        var next = failure.RetryAfter ?? (backoff > maxBackoff ? maxBackoff : backoff);
        return new DeliveryResult(message.MessageId, DeliveryStatus.Pending, attempts, timeProvider.GetUtcNow() + next,
            failure.Code, failure.Message, countAttempt ? "attempt_failed" : "not_attempted", durationMs);
    }

    private int ElapsedMs(long started) => (int)timeProvider.GetElapsedTime(started).TotalMilliseconds;

    /// <summary>A claimed batch and its write under way.</summary>
    private sealed record InFlightBatch(
        IReadOnlyList<PendingDelivery> Batch, DeliveryTrace Trace, Task<(List<DeliveryResult> Results, DeliveryFailedException? Failure)> Write);
}
