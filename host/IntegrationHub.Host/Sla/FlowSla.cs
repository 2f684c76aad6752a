using System.Globalization;

namespace IntegrationHub.Host.Sla;

/// <summary>A flow's service level (<c>Flows:{id}:Sla</c>, one object or an array of them), validated at start.
/// <see cref="DeliveredWithin"/>: every record read reaches all destinations within <see cref="WorkingTime"/> of office
/// time; <see cref="RunBy"/>: at least one successful run each working day by <see cref="At"/> (local);
/// <see cref="ReconciledBy"/>: each calendar day of the flow's source reconciled by <see cref="At"/> of the first working
/// day after it (the source being an <c>IReconciledSource</c>, <see cref="Source"/>). All count on <see cref="Calendar"/>.</summary>
public sealed record FlowSla(string FlowId, string Kind, TimeSpan WorkingTime, TimeOnly At, string Calendar)
{
    public const string DeliveredWithin = "delivered-within";
    public const string RunBy = "run-by";
    public const string ReconciledBy = "reconciled-by";

    /// <summary>What sets this SLA apart from another of the same kind on the flow: <c>2h</c> or <c>08:00</c>.</summary>
    public string Target => Kind == DeliveredWithin
        ? $"{WorkingTime.TotalHours.ToString(CultureInfo.InvariantCulture)}h"
        : At.ToString("HH:mm", CultureInfo.InvariantCulture);

    /// <summary>Names the SLA in its alerts' references: the flow id when it is the flow's only SLA of its kind (the
    /// references of a single SLA stay as they were), else the flow id and <see cref="Target"/>.</summary>
    public string AlertKey { get; init; } = FlowId;

    /// <summary>The flow's source (<c>connector:stream</c>), read by <see cref="ReconciledBy"/>.</summary>
    public string Source { get; init; } = "";
}
