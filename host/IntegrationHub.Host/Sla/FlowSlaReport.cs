namespace IntegrationHub.Host.Sla;

/// <summary>One SLA of a flow and its figures: every day of the range (zeros included, so a chart has no gaps) and every
/// month. A flow with several SLAs has one of these each; <see cref="Target"/> (<c>2h</c>, <c>08:00</c>) tells two of one
/// kind apart. <see cref="Description"/> is English (stable), <see cref="DescriptionVi"/> the same in Vietnamese.</summary>
public sealed record FlowSlaReport(string FlowId, string Kind, string Description, string Calendar, IReadOnlyList<SlaFigures> Days, IReadOnlyList<SlaFigures> Months,
    string Target, string DescriptionVi);
