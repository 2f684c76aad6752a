namespace IntegrationHub.Host.Admin;

/// <summary>Body of <c>POST /api/inbox/parked/replay</c> and <c>/discard</c>: which parked messages (their inbox ids, or
/// all) and why.</summary>
public sealed record ParkedInboxActionRequest(IReadOnlyList<long>? Ids = null, bool All = false, string? Reason = null);
