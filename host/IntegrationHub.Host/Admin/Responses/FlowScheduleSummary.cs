namespace IntegrationHub.Host.Admin.Responses;

/// <summary>A flow's schedule: its Quartz cron in its time zone, and the next firing (null when none is planned).</summary>
public sealed record FlowScheduleSummary(string Cron, string TimeZone, DateTimeOffset? NextRunAt, bool RunOnStart);
