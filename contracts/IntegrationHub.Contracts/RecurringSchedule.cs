namespace IntegrationHub.Contracts;

/// <summary>When a <see cref="IRecurringTask"/> runs.</summary>
/// <param name="Cron">Quartz cron expression, evaluated in <paramref name="TimeZone"/>.</param>
/// <param name="TimeZone">IANA id, e.g. <c>Asia/Ho_Chi_Minh</c>.</param>
public sealed record RecurringSchedule(string Cron, string TimeZone)
{
    /// <summary>The connector whose counterparty the task calls, if any: while that connector is in a maintenance window
    /// the task does not run, and it runs once at the window's end.</summary>
    public string? Counterparty { get; init; }
}
