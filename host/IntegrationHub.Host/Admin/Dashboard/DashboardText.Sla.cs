namespace IntegrationHub.Host.Admin.Dashboard;

/// <summary>Labels of the SLA page (<see cref="SlaPage"/>).</summary>
public sealed partial class DashboardText
{
    public required string SlaLink { get; init; }

    public required string SlaTitle { get; init; }

    /// <summary>{0}: the zone's label.</summary>
    public required string SlaIntroFormat { get; init; }

    public required string SlaNone { get; init; }

    /// <summary>{0}: the year.</summary>
    public required string SlaMonthsFormat { get; init; }

    /// <summary>{0}: the month (yyyy-MM).</summary>
    public required string SlaDaysFormat { get; init; }

    public required string SlaCsv { get; init; }

    public required string ColumnPeriod { get; init; }

    public required string ColumnDue { get; init; }

    public required string ColumnOnTime { get; init; }

    public required string ColumnLate { get; init; }

    public required string ColumnOpenPastDeadline { get; init; }

    public required string ColumnNotYetDue { get; init; }

    public required string ColumnShareOnTime { get; init; }
}
