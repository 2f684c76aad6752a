namespace IntegrationHub.Host.PersonalData;

/// <summary>Answer of <c>POST /api/personal-data/reencrypt</c>: the operator action recorded and what was rewritten.</summary>
/// <param name="Rewritten">Lookup-audit rows re-encrypted.</param>
/// <param name="Payloads">Stored payloads (messages, inbox) re-encrypted.</param>
public sealed record PersonalDataReencryptResponse(long ActionId, string CurrentKey, int Rewritten, IReadOnlyDictionary<string, int> Unreadable, int Payloads);
