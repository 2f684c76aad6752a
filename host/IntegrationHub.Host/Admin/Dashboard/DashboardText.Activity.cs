namespace IntegrationHub.Host.Admin.Dashboard;

/// <summary>Labels of the overview page (<see cref="FlowActivityPage"/>).</summary>
public sealed partial class DashboardText
{
    public required string ActivityLink { get; init; }

    public required string ActivityTitle { get; init; }

    /// <summary>{0}: the zone's label.</summary>
    public required string ActivityIntroFormat { get; init; }

    public required string Last24Hours { get; init; }

    public required string Last7Days { get; init; }

    public required string Throughput { get; init; }

    public required string FailuresPerHour { get; init; }

    /// <summary>{0}: the window.</summary>
    public required string TotalsFormat { get; init; }

    public required string FailedAttempts { get; init; }
}
