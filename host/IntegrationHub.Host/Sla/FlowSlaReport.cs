namespace IntegrationHub.Host.Sla;

/// <summary>One flow's SLA figures: every day of the range (zeros included, so a chart has no gaps) and every month.</summary>
public sealed record FlowSlaReport(string FlowId, string Kind, string Description, string Calendar, IReadOnlyList<SlaFigures> Days, IReadOnlyList<SlaFigures> Months);
