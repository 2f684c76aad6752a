namespace IntegrationHub.Host.Sla;

/// <summary><c>GET /api/sla</c>: per flow with an SLA, its figures per local day and per month of [from, to].</summary>
public sealed record SlaReport(DateOnly From, DateOnly To, DateTimeOffset EvaluatedAt, IReadOnlyList<FlowSlaReport> Flows);
