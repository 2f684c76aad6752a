namespace IntegrationHub.Host.PersonalData;

/// <summary>Body of <c>POST /api/personal-data/reencrypt</c>: why (recorded with the operator's name).</summary>
public sealed record PersonalDataReencryptRequest(string? Reason = null);
