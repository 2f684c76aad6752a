using IntegrationHub.Contracts;
using IntegrationHub.Host.Configuration;
using IntegrationHub.Host.Delivery;
using IntegrationHub.Host.Storage;
using Microsoft.Extensions.Options;
using Npgsql;

namespace IntegrationHub.Host.Inbound;

/// <summary>Moves received inbox rows into the messages of the flows that read their <c>partner:messageType</c>
/// (taking a row off the unrouted queue and creating its messages is one transaction), then starts delivery. Messages
/// no flow reads stay in the inbox.
/// Also keeps the inbox depth the gateway's back-pressure reads, and forgets nonces older than the replay window.</summary>
public sealed class InboxRouter(
    NpgsqlDataSource dataSource,
    InboxPressure pressure,
    InboxRouterSignal signal,
    FlowCatalog flows,
    ConnectorCatalog connectors,
    DeliveryDispatcher deliveries,
    IOptions<InboundOptions> options,
    TimeProvider timeProvider,
    ILogger<InboxRouter> logger) : BackgroundService
{
    private static readonly TimeSpan Idle = TimeSpan.FromSeconds(1);

    // Writers signal after every commit; cycles are spaced so a busy gateway does not make the router query per commit.
    private static readonly TimeSpan MinCycle = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan DepthRefresh = TimeSpan.FromSeconds(1);
    private DateTimeOffset _lastNonceCleanup = DateTimeOffset.MinValue;
    private readonly Lazy<(IReadOnlyList<FlowDefinition> Inbound, HashSet<string> Routable, IReadOnlyList<string> Takeable)> _sources =
        new(() => ResolveSources(flows, connectors, options.Value));
    private DateTimeOffset _lastDepthRefresh = DateTimeOffset.MinValue;

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
                        deliveries.Enqueue(flow, destination);
                    }

                    tail.Clear();
                }

                if (timeProvider.GetUtcNow() - _lastDepthRefresh >= DepthRefresh)
                {
                    await RefreshDepthAsync(stoppingToken);
                }

                await ForgetOldNoncesAsync(stoppingToken);
                await Task.Delay(MinCycle, timeProvider, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is NpgsqlException or TimeoutException or IOException)
            {
                logger.LogWarning("Inbox routing paused: {Error}", e.Message);
                await Task.Delay(TimeSpan.FromSeconds(2), timeProvider, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    /// <returns>Rows taken from the inbox.</returns>
    public async Task<int> RouteBatchAsync(ISet<(string Flow, string Destination)> touched, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // Take a batch off the unrouted queue, source by source (an index range each); payloads are read only for sources
        // some flow reads. Messages for a flow that is configured but disabled stay queued (and count as depth) until it
        // is enabled again; so do messages of sources no longer configured at all.
        var (inbound, routable, takeable) = _sources.Value;
        var rows = new List<(long Id, string Source, string MessageId, string RecordKey, string? BusinessKey, string? Payload)>();
        foreach (var source in takeable)
        {
            await using var take = new NpgsqlCommand(
                """
                with taken as (
                    delete from hub.inbox_unrouted
                    where inbox_id in (select inbox_id from hub.inbox_unrouted where source = @source order by inbox_id limit @n for update skip locked)
                    returning inbox_id)
                select b.id, b.partner_message_id, coalesce(b.record_key, b.business_key, b.partner_message_id), b.business_key,
                       case when @routable then b.payload end
                from taken t join hub.inbox b on b.id = t.inbox_id
                order by b.id
                """, connection, transaction);
            take.Parameters.AddWithValue("source", source);
            take.Parameters.AddWithValue("n", options.Value.RouteBatchSize - rows.Count);
            take.Parameters.AddWithValue("routable", routable.Contains(source));
            await using var reader = await take.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add((reader.GetInt64(0), source, reader.GetString(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetString(4)));
            }

            if (rows.Count >= options.Value.RouteBatchSize)
            {
                break;
            }
        }

        if (rows.Count == 0)
        {
            return 0;
        }

        var now = timeProvider.GetUtcNow();
        var work = rows.Where(r => r.Payload is not null).GroupBy(r => r.Source, StringComparer.Ordinal)
            .SelectMany(group => inbound.Where(f => f.Source.ToString() == group.Key).Select(flow => (Flow: flow, Rows: group.ToList())))
            .OrderBy(w => w.Flow.Id, StringComparer.Ordinal)
            .ToList();

        // Flow locks in one order on every host, so two routers never wait on each other crosswise.
        foreach (var flowId in work.Select(w => w.Flow.Id).Distinct())
        {
            await DeliveryStore.LockFlowAsync(connection, transaction, flowId, cancellationToken);
        }

        foreach (var (flow, group) in work)
        {
            // The partner's message id is the version: unique per partner, so a record's messages are never "unchanged".
            var records = group.Select(r => new SourceRecord(r.RecordKey, r.Payload!, r.BusinessKey ?? r.RecordKey, "inbound:" + r.MessageId)).ToList();
            var destinations = flow.Destinations.Select(d => d.ToString()).ToList();
            await MessageStore.AppendAsync(connection, transaction, flow.Id, null, $"inbound from {flow.Source}", records, destinations, now,
                flows.Options[flow.Id].HoldBehindDeadLetter, cancellationToken);
            foreach (var destination in destinations)
            {
                touched.Add((flow.Id, destination));
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return rows.Count;
    }

    /// <summary>Config does not change while the hub runs: which flows read pushed sources, which sources some flow reads,
    /// and which the router may take (every configured <c>partner:messageType</c> and connector inbound stream, except
    /// those of a configured but disabled flow), worked out once instead of every cycle.</summary>
    private static (IReadOnlyList<FlowDefinition> Inbound, HashSet<string> Routable, IReadOnlyList<string> Takeable) ResolveSources(
        FlowCatalog flows, ConnectorCatalog connectors, InboundOptions options)
    {
        var inbound = flows.Flows.Where(FlowCatalog.IsInbound).ToList();
        var routable = inbound.Select(f => f.Source.ToString()).ToHashSet(StringComparer.Ordinal);
        var held = flows.Options.Where(o => !o.Value.Enabled && o.Value.Source is not null && string.IsNullOrEmpty(o.Value.Schedule))
            .Select(o => o.Value.Source!).Where(source => !routable.Contains(source));
        var known = options.Partners.Where(p => p.Value.Enabled).SelectMany(p => p.Value.MessageTypes.Keys.Select(type => $"{p.Key}:{type}"))
            .Concat(connectors.Registrations.SelectMany(r => connectors.Get(r.Id).Spec.Streams
                .Where(s => s.Direction.HasFlag(StreamDirection.Inbound)).Select(s => $"{r.Id}:{s.Name}")));
        return (inbound, routable, known.Distinct(StringComparer.Ordinal).Except(held).Order(StringComparer.Ordinal).ToList());
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
}
