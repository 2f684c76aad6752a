namespace IntegrationHub.Host.PersonalData;

/// <summary>The answer of <c>POST /api/personal-data/reencrypt</c>: the rotation's Hangfire job, queued, and where to
/// read its outcome (<c>GET /api/personal-data/reencrypt/{jobId}</c>).</summary>
public sealed record PersonalDataReencryptAccepted(string JobId, string State, string Job);
