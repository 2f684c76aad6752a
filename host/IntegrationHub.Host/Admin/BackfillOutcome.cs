namespace IntegrationHub.Host.Admin;

/// <summary>A queued backfill (its run and job), or why there is none.</summary>
public sealed record BackfillOutcome(long? RunId, string? JobId, BackfillRefusal? Refusal);
