using IntegrationHub.Host.Scheduling;
using IntegrationHub.Host.Storage;

namespace IntegrationHub.Host.Maintenance;

/// <summary>Whether a counterparty is in maintenance now, and its coming windows: the recurring ones from config and
/// the one-off ones from PostgreSQL, read at most every <see cref="CacheFor"/> (so a window another host added applies
/// here within that). Asked before every delivery claim, flow run and connectivity check.</summary>
public sealed class ConnectorMaintenance(RecurringMaintenanceSchedule recurring, MaintenanceWindowStore store, HubClock clock, TimeProvider timeProvider)
{
    /// <summary>Short, as a window added on another host must stop that host's deliveries soon after it starts.</summary>
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(2);

    /// <summary>How old the one-off windows may be when a "yes, in maintenance" is confirmed (see <see cref="CurrentAsync"/>).</summary>
    public static readonly TimeSpan ConfirmWithin = TimeSpan.FromMilliseconds(250);

    /// <summary>The trigger of the run that reads what a window kept its flow from reading.</summary>
    public const string EndTrigger = "maintenance-end";

    private readonly SemaphoreSlim _reading = new(1, 1);
    private volatile OneOffSnapshot? _oneOff;
    private long _generation;

    /// <summary>The maintenance in force now, as one window: overlapping or adjacent windows are joined, so
    /// <see cref="MaintenanceWindow.To"/> is when the counterparty can be reached again. Null when it can be now.</summary>
    public async Task<MaintenanceWindow?> CurrentAsync(string connectorId, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        // The common case, asked before every delivery batch: no recurring window and no one-off window in force.
        if (recurring.For(connectorId).Count == 0 && !(await OneOffAsync(now, CacheFor, cancellationToken)).Any(w => w.ConnectorId == connectorId && w.Covers(now)))
        {
            return null;
        }

        // Work is held only on a fresh reading: a window ended early on another host must not hold this host's work
        // (and schedule it for the window's planned end) for the cache's life.
        if (!(await WindowsAsync(connectorId, now, CacheFor, cancellationToken)).Any(w => w.Covers(now)))
        {
            return null;
        }

        var windows = await WindowsAsync(connectorId, now, ConfirmWithin, cancellationToken);
        var current = windows.FirstOrDefault(w => w.Covers(now));
        if (current is null)
        {
            return null;
        }

        // A window that starts before the current one ends continues it (a one-off extending the nightly one).
        var until = windows.Where(w => w.Covers(now)).Max(w => w.To);
        for (var extended = true; extended;)
        {
            extended = false;
            foreach (var window in windows.Where(w => w.From <= until && w.To > until))
            {
                until = window.To;
                extended = true;
            }
        }

        return current with { To = until };
    }

    /// <summary>The windows in force or still to come: each recurring window's current or next occurrence, and every
    /// open one-off window; earliest first.</summary>
    public Task<IReadOnlyList<MaintenanceWindow>> UpcomingAsync(string connectorId, CancellationToken cancellationToken) =>
        WindowsAsync(connectorId, timeProvider.GetUtcNow(), CacheFor, cancellationToken);

    /// <summary>After a window is added or ended here: read again at the next question.</summary>
    public void Forget()
    {
        Interlocked.Increment(ref _generation);
        _oneOff = null;
    }

    private async Task<IReadOnlyList<MaintenanceWindow>> WindowsAsync(string connectorId, DateTimeOffset now, TimeSpan maxAge, CancellationToken cancellationToken)
    {
        var windows = new List<MaintenanceWindow>();
        foreach (var window in recurring.For(connectorId))
        {
            var occurrence = window.OccurrenceAt(now, clock.Zone);
            windows.Add(occurrence);
            // The occurrence after it too: it may join the current one (a window ending at 24:00 and one from 00:00).
            windows.Add(window.OccurrenceAt(occurrence.To, clock.Zone));
        }

        var oneOff = await OneOffAsync(now, maxAge, cancellationToken);
        windows.AddRange(oneOff.Where(w => w.ConnectorId == connectorId && w.To > now));
        return [.. windows.OrderBy(w => w.From).ThenBy(w => w.To)];
    }

    private async Task<IReadOnlyList<MaintenanceWindow>> OneOffAsync(DateTimeOffset now, TimeSpan maxAge, CancellationToken cancellationToken)
    {
        if (_oneOff is { } fresh && now - fresh.ReadAt < maxAge && now >= fresh.ReadAt)
        {
            return fresh.Windows;
        }

        await _reading.WaitAsync(cancellationToken);
        try
        {
            if (_oneOff is { } read && now - read.ReadAt < maxAge && now >= read.ReadAt)
            {
                return read.Windows;
            }

            // A read begun before a Forget may miss the window just added: it is used once, not kept.
            var generation = Interlocked.Read(ref _generation);
            var windows = await store.OpenAsync(now, cancellationToken);
            if (generation == Interlocked.Read(ref _generation))
            {
                _oneOff = new OneOffSnapshot(now, windows);
            }

            return windows;
        }
        finally
        {
            _reading.Release();
        }
    }

    private sealed record OneOffSnapshot(DateTimeOffset ReadAt, IReadOnlyList<MaintenanceWindow> Windows);
}
