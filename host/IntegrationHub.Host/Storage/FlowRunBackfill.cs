namespace IntegrationHub.Host.Storage;

/// <summary>What makes a run a backfill (<c>hub.flow_runs</c>, 0033).</summary>
/// <param name="Reason">Why the operator asked for it.</param>
/// <param name="From">The checkpoint it starts from (the connector's opaque form).</param>
/// <param name="To">When set, it stops at the first checkpoint at or after this time.</param>
/// <param name="Position">The last checkpoint it committed; null before its first. A failed or abandoned backfill can be
/// asked again from here.</param>
public sealed record FlowRunBackfill(string Reason, string From, DateTimeOffset? To, string? Position);
