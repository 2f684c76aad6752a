using System.Globalization;
using IntegrationHub.Contracts;
using IntegrationHub.Host.Configuration;
using Microsoft.Extensions.Options;
using Npgsql;

namespace IntegrationHub.Host.Observability;

/// <summary>On every host, every few seconds: adds what this host saw of its counterparties' calls to
/// <c>hub.counterparty_health</c>, then raises an alert for each counterparty whose every call has failed for
/// <c>Hub:Counterparties:FailingAlertAfter</c> — however few calls that was (a breaker needs a minimum throughput;
/// this does not). One alert per episode: its reference is the episode's start, and any host may raise it.</summary>
public sealed class CounterpartyHealthMonitor(
    CounterpartyHealthTracker tracker,
    CounterpartyHealthStore store,
    IHubAlerts alerts,
    IOptions<HubOptions> options,
    TimeProvider timeProvider,
    ILogger<CounterpartyHealthMonitor> logger) : BackgroundService
{
    public const string AlertKind = "counterparty_failing";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var after = options.Value.Counterparties.FailingAlertAfter;
        var interval = TimeSpan.FromTicks(Math.Clamp(after.Ticks / 4, TimeSpan.FromMilliseconds(250).Ticks, TimeSpan.FromSeconds(5).Ticks));
        using var timer = new PeriodicTimer(interval, timeProvider);
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
                logger.LogWarning("Counterparty health check failed: {Error}", e.Message);
            }
        }
    }

    public async Task CheckAsync(CancellationToken cancellationToken)
    {
        foreach (var seen in tracker.Drain())
        {
            try
            {
                await store.MergeAsync(seen, cancellationToken);
            }
            catch
            {
                // Not lost: told at the next check.
                tracker.Restore(seen);
                throw;
            }
        }

        var now = timeProvider.GetUtcNow();
        var after = options.Value.Counterparties.FailingAlertAfter;
        foreach (var health in (await store.AllAsync(cancellationToken)).Values)
        {
            if (health.FailingSince is { } since && now - since >= after)
            {
                await alerts.RaiseAsync(AlertKind,
                    $"Đối tác {health.ConnectorId} lỗi mọi lệnh gọi (counterparty failing)",
                    $"Every call to {health.ConnectorId} has failed since {since.ToString("O", CultureInfo.InvariantCulture)} ({health.Failures.ToString(CultureInfo.InvariantCulture)} failed call(s), the last {health.LastFailureKind ?? "unknown"}; Hub:Counterparties:FailingAlertAfter {after}). Messages to it wait and are retried; see the connector's page.",
                    $"counterparty-failing:{health.ConnectorId}:{since.UtcTicks.ToString(CultureInfo.InvariantCulture)}",
                    $"/hangfire/connectors/{Uri.EscapeDataString(health.ConnectorId)}", cancellationToken);
            }
        }
    }
}
