using IntegrationHub.Contracts;
using IntegrationHub.Host.Calendar;
using IntegrationHub.Host.Configuration;
using IntegrationHub.Host.Delivery;
using IntegrationHub.Host.Execution;
using IntegrationHub.Host.Storage;
using Microsoft.Extensions.Options;
using Quartz;

namespace IntegrationHub.Host.Scheduling;

/// <summary>At start: makes Quartz's flow triggers match config (cron in the flow's time zone), schedules the
/// delivery sweep, starts the flows marked RunOnStart, and resumes deliveries a previous host left pending.</summary>
public sealed class FlowScheduler(
    ISchedulerFactory schedulerFactory,
    FlowCatalog flows,
    FlowRunDispatcher runs,
    DeliveryStore deliveries,
    DeliveryDispatcher deliveryDispatcher,
    IOptions<HubOptions> hubOptions,
    WorkingCalendars calendars,
    ILogger<FlowScheduler> logger) : IHostedService
{
    public const string Group = "flows";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var scheduler = await schedulerFactory.GetScheduler(cancellationToken);
        // Inbound flows have no schedule: the inbox router delivers their messages as they arrive.
        var configured = flows.Flows.Where(f => !FlowCatalog.IsInbound(f)).ToList();
        // Calendars first: a trigger naming one is refused until it exists; replacing one recomputes its triggers' next fire.
        foreach (var name in configured.Select(f => CalendarOf(f.Id)).OfType<string>().Distinct(StringComparer.Ordinal))
        {
            var calendar = calendars.Find(name) ?? throw new InvalidOperationException($"Calendar '{name}' passed validation but is not known.");
            await scheduler.AddCalendar(QuartzWorkingCalendar.NameOf(name), QuartzWorkingCalendar.Build(calendar, calendars.Today), AddCalendarOptions.ReplacingAndUpdatingTriggers, cancellationToken);
        }

        foreach (var flow in configured)
        {
            await ScheduleAsync(scheduler, flow, cancellationToken);
        }

        // Flows removed from config lose their schedule.
        var keep = configured.Select(f => JobName(f.Id)).ToHashSet(StringComparer.Ordinal);
        var jobs = await scheduler.QueryJobs(new JobQuery { Group = GroupMatcher<JobKey>.GroupEquals(Group) }, cancellationToken);
        foreach (var stale in jobs.Items.Where(j => !keep.Contains(j.Key.Name)))
        {
            await scheduler.DeleteJob(stale.Key, cancellationToken);
            logger.LogInformation("Removed schedule {Job}: its flow is no longer configured", stale.Key.Name);
        }

        // The sweep also takes over a dead host's deliveries, so it runs at least twice within the takeover time.
        await DeliverySweepJob.ScheduleAsync(scheduler, DeliverySweepJob.IntervalFor(hubOptions.Value), cancellationToken);

        foreach (var flow in configured.Where(f => f.RunOnStart))
        {
            var request = await runs.RequestRunAsync(flow.Id, "start", cancellationToken);
            logger.LogInformation("Flow {FlowId} run on start: {Status} (job {JobId})", flow.Id, request.Status, request.JobId);
        }

        foreach (var (flowId, destination) in await deliveries.PendingPairsAsync(cancellationToken))
        {
            deliveryDispatcher.Enqueue(flowId, destination);
        }
    }

    private static string JobName(string flowId) => $"flow:{flowId}";

    private async Task ScheduleAsync(IScheduler scheduler, FlowDefinition flow, CancellationToken cancellationToken)
    {
        var job = JobBuilder.Create<FlowTriggerJob>().WithIdentity(new JobKey(JobName(flow.Id), Group)).UsingJobData(FlowTriggerJob.FlowIdKey, flow.Id).StoreDurably().Build();
        var calendar = CalendarOf(flow.Id);
        var policy = new CronTriggerPolicy(calendar is null ? null : QuartzWorkingCalendar.NameOf(calendar), flows.MisfireOf(flow.Id) == "skip");
        var (kept, next) = await CronSchedule.EnsureAsync(scheduler, job, flow.Schedule, TimeZoneInfo.FindSystemTimeZoneById(flow.TimeZone), cancellationToken, policy);
        logger.LogInformation("Flow {FlowId} {Action} '{Cron}' ({TimeZone}, calendar {Calendar}, missed slots {Misfire}); next run {Next:O}",
            flow.Id, kept ? "keeps its schedule" : "scheduled", flow.Schedule, flow.TimeZone, calendar ?? WorkingCalendars.AllDaysName, policy.SkipMisfires ? "skipped" : "fired once", next);
    }

    /// <summary>The flow's working-day calendar, or null for all days (<c>Flows:{id}:Calendar</c> empty or <c>all-days</c>).</summary>
    private string? CalendarOf(string flowId) => flows.CalendarOf(flowId) is var name && name != WorkingCalendars.AllDaysName ? name : null;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
