namespace IntegrationHub.Host.PersonalData;

/// <summary>Answer of <c>POST /api/personal-data/reencrypt</c>: the operator action recorded and what was rewritten.</summary>
public sealed record PersonalDataReencryptResponse(long ActionId, string CurrentKey, int Rewritten, IReadOnlyDictionary<string, int> Unreadable);
