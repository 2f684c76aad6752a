using IntegrationHub.Host.Configuration;
using IntegrationHub.Host.Inbound;
using IntegrationHub.Host.Storage;
using Microsoft.Extensions.Options;
using Npgsql;

namespace IntegrationHub.Host.Delivery;

/// <summary>This host's ear for the database's wake-ups (migration 0027): on its own connection it LISTENs for commits
/// that queued inbox messages (wakes the router) and created pending deliveries (wakes <see cref="DeliveryWakeLoop"/>),
/// whichever host made them. When the connection drops it says so, connects again after a pause, and meanwhile the
/// router's and the sweep's polls and the Hangfire enqueues carry on as without wake-ups; once listening again it wakes
/// the router and every due flow+destination, so a wake-up lost in the gap costs no more than that.</summary>
public sealed class WakeListener(
    WakeListenerState state,
    InboxRouterSignal router,
    DeliveryWakeLoop deliveries,
    DeliveryStore store,
    IOptions<HubOptions> options,
    TimeProvider timeProvider,
    ILogger<WakeListener> logger,
    [FromKeyedServices(WakeListener.DataSourceKey)] NpgsqlDataSource dataSource) : BackgroundService
{
    public const string DataSourceKey = "wake";
    public const string InboxChannel = "hub_inbox";
    public const string DeliveriesChannel = "hub_deliveries";
    private static readonly TimeSpan MaxReconnectDelay = TimeSpan.FromMinutes(1);

    // A listener idle this long proves its connection with a query: a half-open TCP link would otherwise go unnoticed.
    private static readonly TimeSpan Probe = TimeSpan.FromSeconds(20);

    /// <summary>The listener's own connections: never pooled with the others, named in pg_stat_activity.</summary>
    public static NpgsqlDataSource CreateDataSource(string connectionString) =>
        NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(connectionString)
        {
            Pooling = false,
            Timeout = 5,
            CommandTimeout = 10,
            KeepAlive = 15,
            ApplicationName = "integrationhub-wake",
        }.ConnectionString);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Wake.Enabled)
        {
            return;
        }

        // One Hangfire job per message (the dossier benchmark's baseline) keeps its jobs: deliveries are not woken then.
        var wakeDeliveries = !options.Value.Delivery.JobPerMessage;
        var delay = options.Value.Wake.ReconnectDelay;
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ListenAsync(wakeDeliveries, () => failures = 0, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                // The link or the database (a failover, a restart), or a defect: never the host's end, the polls go on.
                state.Set(false);
                var pause = TimeSpan.FromTicks(Math.Min(MaxReconnectDelay.Ticks, delay.Ticks << Math.Min(failures++, 10)));
                logger.LogWarning("Wake-up listener lost its connection ({Error}); polling until it connects again in {Pause}", e.Message, pause);
                try
                {
                    await Task.Delay(pause, timeProvider, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
            finally
            {
                state.Set(false);
            }
        }
    }

    private async Task ListenAsync(bool wakeDeliveries, Action connected, CancellationToken stoppingToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(stoppingToken);
        connection.Notification += (_, e) => OnNotification(e.Channel, e.Payload);
        await using (var listen = new NpgsqlCommand(wakeDeliveries ? $"listen {InboxChannel}; listen {DeliveriesChannel}" : $"listen {InboxChannel}", connection))
        {
            await listen.ExecuteNonQueryAsync(stoppingToken);
        }

        state.Set(wakeDeliveries);
        connected();
        logger.LogInformation("Wake-up listener listening for {Channels}", wakeDeliveries ? $"{InboxChannel}, {DeliveriesChannel}" : InboxChannel);

        // Whatever was committed before LISTEN took effect woke nobody: catch up once.
        router.Notify();
        if (wakeDeliveries)
        {
            foreach (var (flowId, destination) in await store.DuePendingPairsAsync(timeProvider.GetUtcNow(), stoppingToken))
            {
                deliveries.Wake(flowId, destination);
            }
        }

        while (true)
        {
            if (!await connection.WaitAsync(Probe, stoppingToken))
            {
                await using var probe = new NpgsqlCommand("select 1", connection);
                await probe.ExecuteNonQueryAsync(stoppingToken);
            }
        }
    }

    private void OnNotification(string channel, string payload)
    {
        try
        {
            if (channel == InboxChannel)
            {
                router.Notify();
                return;
            }

            var tab = payload.IndexOf('\t', StringComparison.Ordinal);
            if (channel == DeliveriesChannel && tab > 0)
            {
                deliveries.Wake(payload[..tab], payload[(tab + 1)..]);
            }
        }
        catch (Exception e)
        {
            // Raised on the listener's read loop: a failing wake-up (e.g. a Hangfire enqueue) must not drop the connection.
            logger.LogWarning("Wake-up on {Channel} not handled ({Error}); the polls deliver it", channel, e.Message);
        }
    }
}
