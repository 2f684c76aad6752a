namespace IntegrationHub.Contracts.Privacy;

/// <summary>A personal-data token that cannot be read: its key is not configured here (<see cref="KeyMissing"/>, e.g. a
/// key lost or not yet deployed) or the token is damaged (<see cref="Damaged"/>). Only that record is affected.</summary>
public sealed class PersonalDataUnreadableException(string code, string? keyId, string message) : Exception(message)
{
    public const string KeyMissing = "personal_data_key_missing";
    public const string Damaged = "personal_data_damaged";

    /// <summary><see cref="KeyMissing"/> or <see cref="Damaged"/>.</summary>
    public string Code { get; } = code;

    /// <summary>The key the token names, when it names one.</summary>
    public string? KeyId { get; } = keyId;
}
