using Quartz;

namespace IntegrationHub.Host.Configuration;

/// <summary>How long history is kept in the database (<c>Hub:Retention</c>). Months of messages, with their deliveries and
/// log, and months of the inbox (pushed messages as received, with their replay guard) past <see cref="Messages"/>, and
/// months of audits past <see cref="Audits"/>, are archived into <see cref="ArchiveFolder"/> (gzip JSON lines and a
/// checksum manifest), the archive verified, then dropped. Dead letters, undelivered messages and inbox messages not yet
/// routed or parked are kept until resolved (delivered, skipped, routed or discarded), whatever their age.</summary>
public sealed class RetentionOptions
{
    /// <summary>Where archives are written (relative: to the host's content root). Keep it on storage that is backed up.</summary>
    public string ArchiveFolder { get; set; } = "archive";

    /// <summary>Quartz cron, in the default time zone, of the daily retention run (once per cluster); it also opens
    /// each month's partitions ahead.</summary>
    public string Schedule { get; set; } = "0 15 2 * * ?";

    /// <summary>How long a month of finished messages (delivered, skipped, discarded) and their log stay in the database
    /// after the month's last id was issued.</summary>
    public TimeSpan Messages { get; set; } = TimeSpan.FromDays(400);

    /// <summary>How long a month of audits (operator actions, population-database lookups and reveals) stays in the
    /// database after the month ended; kept longer than the history they explain.</summary>
    public TimeSpan Audits { get; set; } = TimeSpan.FromDays(1826);

    public IEnumerable<string> Problems()
    {
        if (string.IsNullOrWhiteSpace(ArchiveFolder))
        {
            yield return "Hub:Retention:ArchiveFolder must name a folder.";
        }

        if (!CronExpression.TryParse(Schedule, out _))
        {
            yield return $"Hub:Retention:Schedule '{Schedule}' must be a valid Quartz cron expression.";
        }

        if (Messages < TimeSpan.FromDays(31))
        {
            yield return "Hub:Retention:Messages must be at least 31.00:00:00 (a month's partition is kept whole).";
        }

        if (Audits < Messages)
        {
            yield return $"Hub:Retention:Audits ({Audits}) must be at least Hub:Retention:Messages ({Messages}): audits are kept at least as long as the history they explain.";
        }
    }
}
