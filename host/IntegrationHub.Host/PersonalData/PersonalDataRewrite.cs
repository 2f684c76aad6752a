namespace IntegrationHub.Host.PersonalData;

/// <summary>What a rewrite of the stored personal ids did.</summary>
/// <param name="Rewritten">Lookup-audit rows now under the current key.</param>
/// <param name="Payloads">Stored payloads (messages, inbox) re-encrypted under the current key.</param>
/// <param name="Unreadable">Rows left as they were, by the code of why (<c>personal_data_key_missing:&lt;key&gt;</c> or
/// <c>personal_data_damaged:&lt;key&gt;</c>): their key is not given to this hub, or the token is damaged.</param>
public sealed record PersonalDataRewrite(string CurrentKey, int Rewritten, IReadOnlyDictionary<string, int> Unreadable, int Payloads = 0);
