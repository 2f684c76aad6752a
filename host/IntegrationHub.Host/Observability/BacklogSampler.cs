using IntegrationHub.Host.Configuration;
using IntegrationHub.Host.Inbound;
using Microsoft.Extensions.Options;
using Npgsql;

namespace IntegrationHub.Host.Observability;

/// <summary>Reads the backlog the gauges show every <see cref="MetricsOptions.SampleInterval"/>, so a scrape never waits
/// for the database: open deliveries per flow, destination and status (from the kept counters), and the inbox's parked count and oldest unrouted age (<see cref="InboxRoutingMonitor"/>).</summary>
public sealed class BacklogSampler(
    NpgsqlDataSource dataSource,
    InboxRoutingMonitor inbox,
    FlowCatalog flows,
    IOptions<HubOptions> options,
    TimeProvider timeProvider,
    ILogger<BacklogSampler> logger) : BackgroundService
{
    // From the counters the database keeps as deliveries change (migration 0014), not by counting open deliveries: a
    // backlog of millions costs the same few rows. 'failing' is a pending delivery that failed at least once.
    private const string OpenDeliveriesSql = """
        select flow_id, destination, case when state = 'waiting' then 'waiting' else 'pending' end, sum(n)::bigint
        from hub.flow_counters
        where state in ('pending', 'failing', 'waiting') and destination <> ''
        group by 1, 2, 3
        """;

    private volatile BacklogSnapshot _current = BacklogSnapshot.Empty;

    public BacklogSnapshot Current => _current;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.Metrics.SampleInterval, timeProvider);
        do
        {
            try
            {
                _current = await SampleAsync(stoppingToken);
            }
            catch (Exception e) when (e is NpgsqlException or TimeoutException or IOException or InvalidOperationException && !stoppingToken.IsCancellationRequested)
            {
                // The last sample stays; readiness, not a gauge, says the database is away.
                logger.LogDebug("Backlog gauges not refreshed: {Error}", e.Message);
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    public async Task<BacklogSnapshot> SampleAsync(CancellationToken cancellationToken)
    {
        var open = new Dictionary<(string, string, string), long>();
        foreach (var flow in flows.Flows)
        {
            foreach (var destination in flow.Destinations)
            {
                open[(flow.Id, destination.ToString(), "pending")] = 0;
                open[(flow.Id, destination.ToString(), "waiting")] = 0;
            }
        }

        await using (var command = dataSource.CreateCommand(OpenDeliveriesSql))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                open[(reader.GetString(0), reader.GetString(1), reader.GetString(2))] = reader.GetInt64(3);
            }
        }

        var routing = await inbox.ReadAsync(cancellationToken);
        return new BacklogSnapshot(open, routing.Parked, routing.OldestWait);
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
