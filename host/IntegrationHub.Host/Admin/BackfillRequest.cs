namespace IntegrationHub.Host.Admin;

/// <summary>Body of <c>POST /api/flows/{id}/backfill</c>: where to start — a <paramref name="Checkpoint"/> in the
/// connector's own form (as <c>hub.checkpoints</c> keeps it) or a time <paramref name="From"/> — optionally when to stop,
/// and why.</summary>
/// <param name="To">Reading stops at the first checkpoint at or after this time: every change before it is read, and
/// perhaps the rest of that page. Needs a source that tells the time of its checkpoints.</param>
public sealed record BackfillRequest(string? Checkpoint = null, DateTimeOffset? From = null, DateTimeOffset? To = null, string? Reason = null);
