namespace IntegrationHub.Host.Configuration;

/// <summary>Housekeeping of the attachment store, bound from <c>Hub:Attachments</c>.</summary>
public sealed class AttachmentOptions
{
    /// <summary>Quartz cron, in the default time zone, of the daily removal of uploads never completed.</summary>
    public string CleanupSchedule { get; set; } = "0 30 3 * * ?";

    /// <summary>How old an upload that was never completed must be before it is removed: a download still running is
    /// never that old.</summary>
    public TimeSpan AbandonedAfter { get; set; } = TimeSpan.FromDays(1);
}
