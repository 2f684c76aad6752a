using IntegrationHub.Contracts;
using IntegrationHub.Contracts.Privacy;
using IntegrationHub.Host.Configuration;
using System.Diagnostics;
using IntegrationHub.Host.Delivery;
using IntegrationHub.Host.Observability;
using IntegrationHub.Host.Storage;
using Microsoft.Extensions.Options;
using Npgsql;

namespace IntegrationHub.Host.Inbound;

/// <summary>Moves received inbox rows into the messages of the flows that read their <c>partner:messageType</c>
/// (taking a row off the unrouted queue and creating its messages is one transaction), then starts delivery. Messages
/// no flow reads stay in the inbox. A message that cannot be routed (PostgreSQL refuses its data) is parked with its
/// error instead of failing its batch again and again, so the messages behind it keep flowing; a systemic failure (see
/// <see cref="InboxRoutingFailure"/>) parks nothing: the batch goes back on the queue and routing pauses.
/// Also keeps the inbox depth the gateway's back-pressure reads, and forgets nonces older than the replay window.</summary>
public sealed class InboxRouter(
    NpgsqlDataSource dataSource,
    InboxPressure pressure,
    InboxRouterSignal signal,
    FlowCatalog flows,
    InboxSources sources,
    DeliveryDispatcher deliveries,
    HubTracing tracing,
    HubMetrics metrics,
    IOptions<InboundOptions> options,
    TimeProvider timeProvider,
    ILogger<InboxRouter> logger,
    PersonalData.PersonalDataPayloads personalData) : BackgroundService
{
    private const string Savepoint = "route";
    private static readonly TimeSpan Idle = TimeSpan.FromSeconds(1);

    // Writers signal after every commit; cycles are spaced so a busy gateway does not make the router query per commit.
    // Short: the wait is part of every push's latency (at most 50 transactions a second, each taking what gathered).
    private static readonly TimeSpan MinCycle = TimeSpan.FromMilliseconds(20);
    private static readonly TimeSpan FirstPause = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan MaxPause = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan DepthRefresh = TimeSpan.FromSeconds(1);
    private DateTimeOffset _lastNonceCleanup = DateTimeOffset.MinValue;
    private DateTimeOffset _lastDepthRefresh = DateTimeOffset.MinValue;
    private TimeSpan _pause = FirstPause;

    /// <summary>Reads the inbox depth before the server takes requests (hosted services start before it): a hub
    /// restarted on a full inbox must refuse at once, not accept pushes until its first refresh.</summary>
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await RefreshDepthAsync(cancellationToken);
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or IOException)
        {
            logger.LogWarning("Inbox depth unknown at start, read again by the routing loop: {Error}", e.Message);
        }

        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var touched = new HashSet<(string Flow, string Destination)>();
        var tail = new HashSet<(string Flow, string Destination)>();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await signal.WaitAsync(Idle, stoppingToken);
                var routedNow = 0;
                while (options.Value.RoutingEnabled && !stoppingToken.IsCancellationRequested)
                {
                    var routed = await RouteBatchAsync(touched, stoppingToken);
                    routedNow += routed;
                    foreach (var (flow, destination) in touched)
                    {
                        deliveries.EnqueueThrottled(flow, destination);
                    }

                    if (routed < options.Value.RouteBatchSize)
                    {
                        break;
                    }
                }

                // The throttle may have swallowed the last enqueue of a burst: once the burst is over (a cycle with
                // nothing to route), one more per flow makes sure its tail is delivered.
                tail.UnionWith(touched);
                touched.Clear();
                if (routedNow == 0 && tail.Count > 0)
                {
                    foreach (var (flow, destination) in tail)
                    {
                        deliveries.EnqueueUnlessWoken(flow, destination);
                    }

                    tail.Clear();
                }

                // A cycle that routed has drained the queue (it stops at a short batch): the count is cheap then, and a
                // gateway refusing for a full inbox accepts again as soon as routing catches up, however soon it was woken.
                if (routedNow > 0 || timeProvider.GetUtcNow() - _lastDepthRefresh >= DepthRefresh)
                {
                    await RefreshDepthAsync(stoppingToken);
                }

                await ForgetOldNoncesAsync(stoppingToken);
                _pause = FirstPause;
                await Task.Delay(MinCycle, timeProvider, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is NpgsqlException or TimeoutException or IOException or InboxRoutingDefectException)
            {
                // The database, its schema or rights, the link to it, or a defect every message of a batch met: the batch
                // is back on the queue. A trigger's or the hub's message may quote a personal id: masked.
                logger.LogWarning("Inbox routing paused: {Error}", PersonalDataMask.MaskText(e.Message));
                await PauseAsync(stoppingToken, endOnStore: DatabaseUnavailable.Is(e));
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                // Not a message's fault (those are parked) nor the connection's: a defect. The router keeps trying instead
                // of ending the host; readiness and the stall alert show that nothing moves. Its text (inner exceptions
                // too) may quote a personal id: logged masked.
                logger.LogError(MaskedException.Guard(e), "Inbox routing failed");
                await PauseAsync(stoppingToken);
            }
        }
    }

    /// <returns>Rows taken from the inbox (routed, parked, or read by no flow).</returns>
    public async Task<int> RouteBatchAsync(ISet<(string Flow, string Destination)> touched, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var rows = await TakeAsync(connection, transaction, cancellationToken);
        if (rows.Count == 0)
        {
            return 0;
        }

        // Rows of sources no flow reads were only taken off the queue (no payload read): they stay in the inbox.
        // Each routed row's span continues its push's trace; its messages carry it on to their deliveries.
        var routable = rows.Where(r => r.Payload is not null).Select(r => r with { Route = tracing.StartRoute(r.Source, r.Id, r.TraceParent) }).ToList();
        var committed = false;
        try
        {
            var taken = await RouteAsync(connection, transaction, rows, routable, touched, cancellationToken);
            committed = true;
            return taken;
        }
        finally
        {
            foreach (var row in routable)
            {
                if (!committed)
                {
                    row.Route?.SetStatus(ActivityStatusCode.Error, "not committed: back on the queue");
                }

                HubTracing.End(row.Route);
            }
        }
    }

    private async Task<int> RouteAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, List<TakenRow> rows, List<TakenRow> routable, ISet<(string Flow, string Destination)> touched,
        CancellationToken cancellationToken)
    {
        // Flow locks in one order on every host, so two routers never wait on each other crosswise; taken before the
        // first savepoint, because rolling back to a savepoint releases the locks taken after it.
        foreach (var flowId in routable.SelectMany(r => FlowsReading(r.Source)).Select(f => f.Id).Distinct().Order(StringComparer.Ordinal))
        {
            await DeliveryStore.LockFlowAsync(connection, transaction, flowId, cancellationToken);
        }

        var parked = new List<(TakenRow Row, Exception Error)>();
        var received = new Dictionary<string, long>(StringComparer.Ordinal);
        await RouteOrParkAsync(connection, transaction, routable, touched, received, parked, timeProvider.GetUtcNow(), cancellationToken);
        if (routable.Count > 1 && parked.Count == routable.Count && parked.All(p => InboxRoutingFailure.IsHubCodeFault(p.Error)))
        {
            // Every message of the batch failed on its own in the hub's code: the code is at fault, not the messages.
            // Nothing is parked: without a commit the whole batch goes back on the queue.
            throw new InboxRoutingDefectException(routable.Count, parked[0].Error);
        }

        await transaction.CommitAsync(cancellationToken);
        foreach (var (flow, count) in received)
        {
            metrics.MessagesCreated(flow, count);
        }

        foreach (var (row, error) in parked)
        {
            row.Route?.SetStatus(ActivityStatusCode.Error, InboxRoutingFailure.Code(error));
            using var scope = logger.BeginScope(new Dictionary<string, object> { ["InboxId"] = row.Id, ["TraceId"] = row.Route?.TraceId.ToHexString() ?? string.Empty });
            // The error's text can quote the payload: it is kept for operators (masked), not logged.
            logger.LogWarning("Inbox message {InboxId} ({Source}, partner message {MessageId}) could not be routed ({Code}) and is parked: GET /api/inbox/parked",
                row.Id, row.Source, row.MessageId, InboxRoutingFailure.Code(error));
        }

        return rows.Count;
    }

    /// <summary>Takes a batch off the unrouted queue, source by source (an index range each); payloads are read only for
    /// sources some flow reads.</summary>
    private async Task<List<TakenRow>> TakeAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        var rows = new List<TakenRow>();
        foreach (var source in sources.Takeable)
        {
            await using var take = new NpgsqlCommand(
                """
                with taken as (
                    delete from hub.inbox_unrouted
                    where inbox_id in (select inbox_id from hub.inbox_unrouted where source = @source order by inbox_id limit @n for update skip locked)
                    returning inbox_id)
                select b.id, b.partner_message_id, coalesce(b.record_key, b.business_key, b.partner_message_id), b.business_key,
                       case when @routable then b.payload end, b.trace_parent, b.partner, b.receipt_id, b.signature::text, b.payload_canonical_sha256
                from taken t join hub.inbox b on b.id = t.inbox_id
                order by b.id
                """, connection, transaction);
            take.Parameters.AddWithValue("source", source);
            take.Parameters.AddWithValue("n", options.Value.RouteBatchSize - rows.Count);
            take.Parameters.AddWithValue("routable", sources.Routable.Contains(source));
            // Prepared (once per pooled connection): planning the join over every monthly inbox partition (migration
            // 0028) costs more than running it for a batch.
            await take.PrepareAsync(cancellationToken);
            await using var reader = await take.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add(new TakenRow(reader.GetInt64(0), source, reader.GetString(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3),
                    reader.IsDBNull(4) ? null : reader.GetString(4), reader.IsDBNull(5) ? null : reader.GetString(5),
                    ReceivedFacts(reader.GetString(6), reader.GetString(1), reader.GetGuid(7), reader.IsDBNull(8) ? null : reader.GetString(8)),
                    reader.IsDBNull(9) ? null : reader.GetFieldValue<byte[]>(9)));
            }

            if (rows.Count >= options.Value.RouteBatchSize)
            {
                break;
            }
        }

        return rows;
    }

    /// <summary>Routes <paramref name="rows"/> under a savepoint. When a message's own data makes that fail (PostgreSQL
    /// refuses it, or the hub's code refuses the record: <see cref="InboxRoutingFailure.IsMessageFault(Exception)"/>),
    /// the rows are split in halves and each is tried again, down to the single message, which is parked with its error:
    /// one bad message costs about 2·log2(batch) attempts, and the good messages of its batch are routed in this
    /// transaction. A systemic failure (the connection, shutdown, a missing table or right, the database's own trouble)
    /// leaves this method and rolls the whole batch back onto the queue for a later cycle, so it parks nothing. So does
    /// (in <see cref="RouteBatchAsync"/>) an exception of the hub's code that every row of a batch of several meets on its
    /// own: a defect of the code, not bad messages.</summary>
    /// <param name="received">Gets the messages created per flow.</param>
    /// <param name="parked">Gets each row parked, with its error.</param>
    private async Task RouteOrParkAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<TakenRow> rows, ISet<(string Flow, string Destination)> touched,
        Dictionary<string, long> received, List<(TakenRow Row, Exception Error)> parked, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return;
        }

        var reached = new HashSet<(string Flow, string Destination)>();
        var created = new Dictionary<string, long>(StringComparer.Ordinal);
        await transaction.SaveAsync(Savepoint, cancellationToken);
        try
        {
            await AppendAsync(connection, transaction, rows, reached, created, now, cancellationToken);
            await transaction.ReleaseAsync(Savepoint, cancellationToken);
            touched.UnionWith(reached);
            foreach (var (flow, count) in created)
            {
                received[flow] = received.GetValueOrDefault(flow) + count;
            }

            return;
        }
        catch (Exception e) when (InboxRoutingFailure.IsMessageFault(e))
        {
            // Also proves the connection still works before anything is parked.
            await transaction.RollbackAsync(Savepoint, cancellationToken);
            await transaction.ReleaseAsync(Savepoint, cancellationToken);
            if (rows.Count == 1)
            {
                var row = rows[0];
                await ParkedInboxStore.ParkAsync(connection, transaction, row.Id, row.Source, InboxRoutingFailure.Code(e), InboxRoutingFailure.Text(e), now, cancellationToken);
                parked.Add((row, e));
                return;
            }
        }

        var half = rows.Count / 2;
        await RouteOrParkAsync(connection, transaction, rows.Take(half).ToList(), touched, received, parked, now, cancellationToken);
        await RouteOrParkAsync(connection, transaction, rows.Skip(half).ToList(), touched, received, parked, now, cancellationToken);
    }

    private async Task AppendAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<TakenRow> rows, ISet<(string Flow, string Destination)> reached,
        Dictionary<string, long> created, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var work = rows.GroupBy(r => r.Source, StringComparer.Ordinal)
            .SelectMany(group => FlowsReading(group.Key).Select(flow => (Flow: flow, Rows: group.ToList())))
            .OrderBy(w => w.Flow.Id, StringComparer.Ordinal)
            .ToList();
        foreach (var (flow, group) in work)
        {
            // The partner's message id is the version: unique per partner, so a record's messages are never "unchanged".
            // A row the flow's filter passes over is routed all the same, with no message of that flow.
            var filter = flows.Filter(flow.Id);
            var accepted = group.Where(r => Accepts(filter, r.Payload!)).ToList();
            var records = accepted.Select(r => new SourceRecord(r.RecordKey, r.Payload!, r.BusinessKey ?? r.RecordKey, "inbound:" + r.MessageId)).ToList();
            var destinations = flow.Destinations.Select(d => d.ToString()).ToList();
            var traces = new AppendTraces([.. accepted.Select(r => r.Route is null && r.TraceParent is not null ? r.TraceParent : HubTracing.TraceParentOf(r.Route))]);
            created[flow.Id] = created.GetValueOrDefault(flow.Id) + await MessageStore.AppendAsync(connection, transaction, flow.Id, null, $"inbound from {flow.Source}",
                records, destinations, now, flows.Options[flow.Id].HoldBehindDeadLetter, personalData, cancellationToken, traces, recordFacts: [.. accepted.Select(r => r.Facts)],
                payloadDigests: [.. accepted.Select(r => r.PayloadDigest ?? PlaintextDigest(r.Payload!))]);
            foreach (var destination in destinations)
            {
                reached.Add((flow.Id, destination));
            }
        }
    }

    /// <summary>The plaintext's hash of a row the inbox stored without one (before migration 0045, or written by a
    /// module such as the payment platform's straight into the inbox), so its messages' evidence holds the plaintext's
    /// hash too; null when it cannot be read (the message becomes a dead letter naming the missing key).</summary>
    private byte[]? PlaintextDigest(string payload)
    {
        try
        {
            return Evidence.PayloadDigest.Of(personalData.Unprotect(payload));
        }
        catch (PersonalDataUnreadableException)
        {
            return null;
        }
    }

    /// <summary>A flow's filter reads the payload as received, its personal ids decrypted (the inbox keeps them as
    /// tokens), so a filter on a personal-id field matches as configured. A payload with a token this hub cannot read
    /// passes: its message becomes a dead letter with the token's code at delivery (one record's problem, visible and
    /// replayable once the key is back), instead of vanishing from the flow or stalling the queue.</summary>
    private bool Accepts(FlowFilter filter, string payload)
    {
        if (filter.IsEmpty || personalData is null)
        {
            return filter.Accepts(payload);
        }

        try
        {
            return filter.Accepts(personalData.Unprotect(payload));
        }
        catch (PersonalDataUnreadableException)
        {
            return true;
        }
    }

    private IEnumerable<FlowDefinition> FlowsReading(string source) => sources.Inbound.Where(f => f.Source.ToString() == source);

    /// <summary>Waits before the next try, twice as long after each failure in a row (2 s up to 30 s): an outage or a
    /// defect that lasts is not met by a full batch (and its bisection) and a warning every 2 s.</summary>
    /// <param name="endOnStore">The database was away (a restart, a failover): a push stored meanwhile shows it is back,
    /// and routing resumes then instead of after the rest of a pause that may have grown to 30 s.</param>
    private Task PauseAsync(CancellationToken stoppingToken, bool endOnStore = false)
    {
        var pause = _pause;
        _pause = TimeSpan.FromTicks(Math.Min(_pause.Ticks * 2, MaxPause.Ticks));
        var wait = endOnStore ? signal.WaitAsync(pause, stoppingToken) : Task.Delay(pause, timeProvider, stoppingToken);
        return wait.ContinueWith(_ => { }, TaskScheduler.Default);
    }

    private async Task RefreshDepthAsync(CancellationToken cancellationToken)
    {
        _lastDepthRefresh = timeProvider.GetUtcNow();
        await using var count = dataSource.CreateCommand("select count(*) from hub.inbox_unrouted");
        pressure.SetDepth((long)(await count.ExecuteScalarAsync(cancellationToken))!);
    }

    private async Task ForgetOldNoncesAsync(CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        if (now - _lastNonceCleanup < TimeSpan.FromMinutes(1))
        {
            return;
        }

        _lastNonceCleanup = now;
        await using var delete = dataSource.CreateCommand("delete from hub.inbound_nonces where seen_at < @before");
        delete.Parameters.AddWithValue("before", now - (2 * options.Value.ClockSkew));
        await delete.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <param name="TraceParent">The push's trace context, as the gateway stored it.</param>
    /// <param name="Route">This row's routing span (the parent of its messages' spans).</param>
    /// <summary>The evidence a pushed message's "received" line carries: who sent it, its id and receipt, and the
    /// request's signature headers.</summary>
    private static string ReceivedFacts(string partner, string messageId, Guid receipt, string? signature)
    {
        var facts = new System.Text.Json.Nodes.JsonObject
        {
            ["partner"] = partner, ["partner_message_id"] = messageId, ["receipt_id"] = receipt.ToString(),
            ["signature"] = signature is null ? null : System.Text.Json.Nodes.JsonNode.Parse(signature),
        };
        return facts.ToJsonString();
    }

    /// <param name="PayloadDigest">The plaintext payload's hash the inbox took (null for rows stored before migration 0045).</param>
    private sealed record TakenRow(long Id, string Source, string MessageId, string RecordKey, string? BusinessKey, string? Payload, string? TraceParent, string Facts,
        byte[]? PayloadDigest, Activity? Route = null);
}
