namespace IntegrationHub.Host.Sla;

/// <summary>A flow's service level (<c>Flows:{id}:Sla</c>), validated at start. <see cref="DeliveredWithin"/>: every
/// record read reaches all destinations within <see cref="WorkingTime"/> of office time; <see cref="RunBy"/>: at least one
/// successful run each working day by <see cref="At"/> (local). Both count on <see cref="Calendar"/>.</summary>
public sealed record FlowSla(string FlowId, string Kind, TimeSpan WorkingTime, TimeOnly At, string Calendar)
{
    public const string DeliveredWithin = "delivered-within";
    public const string RunBy = "run-by";
}
