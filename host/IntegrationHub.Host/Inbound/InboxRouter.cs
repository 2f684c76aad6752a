using IntegrationHub.Contracts;
using IntegrationHub.Host.Configuration;
using IntegrationHub.Host.Delivery;
using IntegrationHub.Host.Storage;
using Microsoft.Extensions.Options;
using Npgsql;

namespace IntegrationHub.Host.Inbound;

/// <summary>Moves received inbox rows into the messages of the flows that read their <c>partner:messageType</c>
/// (each row and its messages change in one transaction), then starts delivery. Rows no flow reads stay stored.
/// Also keeps the inbox depth the gateway's back-pressure reads, and forgets nonces older than the replay window.</summary>
public sealed class InboxRouter(
    NpgsqlDataSource dataSource,
    InboxPressure pressure,
    InboxRouterSignal signal,
    FlowCatalog flows,
    DeliveryDispatcher deliveries,
    IOptions<InboundOptions> options,
    TimeProvider timeProvider,
    ILogger<InboxRouter> logger) : BackgroundService
{
    private static readonly TimeSpan Idle = TimeSpan.FromSeconds(1);
    private DateTimeOffset _lastNonceCleanup = DateTimeOffset.MinValue;

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
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await signal.WaitAsync(Idle, stoppingToken);
                while (options.Value.RoutingEnabled && !stoppingToken.IsCancellationRequested)
                {
                    var routed = await RouteBatchAsync(touched, stoppingToken);
                    foreach (var (flow, destination) in touched)
                    {
                        deliveries.EnqueueThrottled(flow, destination);
                    }

                    if (routed < options.Value.RouteBatchSize)
                    {
                        break;
                    }
                }

                // The throttle may have swallowed the last enqueue of a burst: one more makes sure its tail is delivered.
                foreach (var (flow, destination) in touched)
                {
                    deliveries.Enqueue(flow, destination);
                }

                touched.Clear();
                await RefreshDepthAsync(stoppingToken);
                await ForgetOldNoncesAsync(stoppingToken);
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
        var rows = new List<(long Id, string Source, string MessageId, string? BusinessKey, string Payload, Guid Receipt)>();
        await using (var select = new NpgsqlCommand(
            """
            select id, partner || ':' || message_type, partner_message_id, business_key, payload::text, receipt_id
            from hub.inbox where state = 'received' order by id limit @n for update skip locked
            """, connection, transaction))
        {
            select.Parameters.AddWithValue("n", options.Value.RouteBatchSize);
            await using var reader = await select.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add((reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3), reader.GetString(4), reader.GetGuid(5)));
            }
        }

        if (rows.Count == 0)
        {
            return 0;
        }

        var now = timeProvider.GetUtcNow();
        var routedIds = new List<long>();
        foreach (var group in rows.GroupBy(r => r.Source, StringComparer.Ordinal))
        {
            var readers = flows.FromSource(group.Key);
            foreach (var flow in readers.OrderBy(f => f.Id, StringComparer.Ordinal))
            {
                // Record key: the business key, so one dossier's messages keep their order; the partner's message id is the version.
                var records = group.Select(r => new SourceRecord(r.BusinessKey ?? r.MessageId, r.Payload, r.BusinessKey ?? r.MessageId, "inbound:" + r.MessageId)).ToList();
                var destinations = flow.Destinations.Select(d => d.ToString()).ToList();
                await DeliveryStore.LockFlowAsync(connection, transaction, flow.Id, cancellationToken);
                await MessageStore.AppendAsync(connection, transaction, flow.Id, null, $"inbound from {group.Key}", records, destinations, now,
                    flows.Options[flow.Id].HoldBehindDeadLetter, cancellationToken);
                foreach (var destination in destinations)
                {
                    touched.Add((flow.Id, destination));
                }
            }

            if (readers.Count > 0)
            {
                routedIds.AddRange(group.Select(r => r.Id));
            }
        }

        await using (var mark = new NpgsqlCommand(
            "update hub.inbox set state = case when id = any(@routed) then 'routed' else 'stored' end, routed_at = @now where id = any(@ids)",
            connection, transaction))
        {
            mark.Parameters.AddWithValue("routed", routedIds.ToArray());
            mark.Parameters.AddWithValue("ids", rows.Select(r => r.Id).ToArray());
            mark.Parameters.AddWithValue("now", now);
            await mark.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return rows.Count;
    }

    private async Task RefreshDepthAsync(CancellationToken cancellationToken)
    {
        await using var count = dataSource.CreateCommand("select count(*) from hub.inbox where state = 'received'");
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
