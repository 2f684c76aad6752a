namespace IntegrationHub.Contracts.Privacy;

/// <summary>Whole payloads with their personal ids encrypted at rest, for a module that stores payloads itself (as the
/// hub stores pushed and flow messages): <see cref="Protect"/> before storing, <see cref="Unprotect"/> after reading.
/// Hash what was received (the plaintext), never the protected text. One instance per hub, from DI.</summary>
public interface IPersonalDataPayloads
{
    /// <summary>The payload with its personal ids (what <see cref="PersonalDataMask"/> masks) as tokens of
    /// <see cref="IPersonalDataCipher"/>; tokens already in it are kept. The same text when it holds none.</summary>
    string Protect(string payload);

    /// <summary>The payload as it was before <see cref="Protect"/>, byte for byte.</summary>
    /// <exception cref="PersonalDataUnreadableException">A token's key is not configured, or a token is damaged.</exception>
    string Unprotect(string payload);
}
