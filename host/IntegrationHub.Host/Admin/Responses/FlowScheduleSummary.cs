namespace IntegrationHub.Host.Admin.Responses;

/// <summary>A flow's schedule: its Quartz cron in its time zone, and the next firing (null when none is planned);
/// <c>Calendar</c> (<c>all-days</c>, <c>working-days</c> or a named calendar) and <c>Misfire</c> (<c>fire-once-now</c>, <c>skip</c>)
/// as <c>Flows:{id}</c> sets them.</summary>
public sealed record FlowScheduleSummary(string Cron, string TimeZone, DateTimeOffset? NextRunAt, bool RunOnStart, string Calendar, string Misfire);
