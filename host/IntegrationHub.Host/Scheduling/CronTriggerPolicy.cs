using Quartz;

namespace IntegrationHub.Host.Scheduling;

/// <summary>How a cron trigger treats days and missed slots: the Quartz calendar that excludes days (null: none) and
/// whether a slot missed while no host ran is skipped (<c>DoNothing</c>) or fired once at start (<c>FireAndProceed</c>).</summary>
public sealed record CronTriggerPolicy(string? CalendarName = null, bool SkipMisfires = false)
{
    public static readonly CronTriggerPolicy Default = new();

    public CronTriggerMisfireInstruction MisfireInstruction => SkipMisfires ? CronTriggerMisfireInstruction.DoNothing : CronTriggerMisfireInstruction.FireAndProceed;
}
