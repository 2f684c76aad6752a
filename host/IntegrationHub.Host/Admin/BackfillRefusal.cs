namespace IntegrationHub.Host.Admin;

/// <summary>Why a backfill was not queued: the HTTP status and a machine-readable code.</summary>
/// <param name="RunId">For <c>backfill_running</c>: the backfill queued or running.</param>
public sealed record BackfillRefusal(int Status, string Code, string Title, string Message, long? RunId = null);
