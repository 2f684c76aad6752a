using System.Collections.Concurrent;

namespace IntegrationHub.Host.Maintenance;

/// <summary>The work this host scheduled for a maintenance window's end: one job per piece of work (a flow's run, a
/// flow's delivery to a destination, a module task) and end time, however often the window holds it meanwhile (a
/// delivery is asked for at every commit, a five-minute task meets a two-hour window 24 times).</summary>
public sealed class WindowEndJobs
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _scheduledAt = new(StringComparer.Ordinal);

    /// <param name="work">Names the work, with its kind (e.g. <c>delivery:flow|destination</c>).</param>
    /// <param name="schedule">Schedules the job at the time it is given (<paramref name="at"/>, up to the next whole second);
    /// called only when <paramref name="work"/> has none for <paramref name="at"/>.</param>
    /// <returns>The job scheduled, or null when one was already.</returns>
    public string? ScheduleOnce(string work, DateTimeOffset at, Func<DateTimeOffset, string> schedule)
    {
        while (true)
        {
            if (_scheduledAt.TryGetValue(work, out var scheduled))
            {
                if (scheduled == at)
                {
                    return null;
                }

                if (_scheduledAt.TryUpdate(work, at, scheduled))
                {
                    return schedule(JobTime(at));
                }
            }
            else if (_scheduledAt.TryAdd(work, at))
            {
                return schedule(JobTime(at));
            }
        }
    }

    /// <summary>Hangfire keeps a scheduled job's time in whole seconds, cut down, and runs it once that second begins: a job
    /// for 02:00:00.4 would run before the window ends, find it in force and, its job scheduled already, never run again.</summary>
    public static DateTimeOffset JobTime(DateTimeOffset at) =>
        at.UtcTicks % TimeSpan.TicksPerSecond is var part and > 0 ? at.AddTicks(TimeSpan.TicksPerSecond - part) : at;
}
