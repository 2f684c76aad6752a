namespace IntegrationHub.Contracts.Privacy;

/// <summary>Personal data encrypted at rest: a personal id (what <see cref="PersonalDataMask"/> calls one) is stored as a
/// token <c>⟦pd1.&lt;keyId&gt;.&lt;masked&gt;.&lt;base64url(nonce|ciphertext|tag)&gt;⟧</c> (AES-256-GCM under the key named by
/// keyId; the masked form lets a display mask without the key), and found again through a keyed blind index
/// (HMAC-SHA256), never by its clear value. One instance per hub, from DI.</summary>
public interface IPersonalDataCipher
{
    /// <summary>The key new tokens are made with.</summary>
    string CurrentKeyId { get; }

    /// <summary>A token for the value under the current key (a fresh random nonce: two tokens of one value differ).</summary>
    string Protect(string value);

    /// <summary>The value a token was made of.</summary>
    /// <exception cref="PersonalDataUnreadableException">The token's key is not configured, or the token is damaged.</exception>
    string Unprotect(string token);

    /// <returns>The key id a token names; null when the text is not a token.</returns>
    string? KeyIdOf(string token);

    /// <summary>The keyed blind index of a value (lowercase hex HMAC-SHA256 of the trimmed value): equal values give
    /// equal indexes, and the index says nothing of the value without the key.</summary>
    string BlindIndex(string value);
}
