using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using IntegrationHub.Contracts.Privacy;

namespace IntegrationHub.Host.PersonalData;

/// <summary>AES-256-GCM tokens and the HMAC-SHA256 blind index of <see cref="IPersonalDataCipher"/>. A token is
/// <c>⟦pd1.&lt;keyId&gt;.&lt;masked&gt;.&lt;base64url(nonce 12 | ciphertext | tag 16)&gt;⟧</c>; the associated data is
/// <c>pd1.&lt;keyId&gt;.&lt;masked&gt;</c>, so neither the key id nor the masked form can be swapped without the tag failing.</summary>
public sealed class PersonalDataCipher : IPersonalDataCipher
{
    public const string Open = "⟦";
    public const string Close = "⟧";
    private const string Version = "pd1";
    private const int NonceBytes = 12;
    private const int TagBytes = 16;
    private readonly Lazy<PersonalDataKeyring> _keyring;

    public PersonalDataCipher(PersonalDataKeyring keyring)
        : this(() => keyring)
    {
    }

    /// <summary>Keys read at first use: services that take the cipher are built while the configuration is validated,
    /// and a missing key must be reported there with every other problem, not thrown alone by a constructor.</summary>
    public PersonalDataCipher(Func<PersonalDataKeyring> keyring) => _keyring = new Lazy<PersonalDataKeyring>(keyring);

    private PersonalDataKeyring Keyring => _keyring.Value;

    public string CurrentKeyId => Keyring.CurrentKeyId;

    public string Protect(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var keyId = Keyring.CurrentKeyId;
        var header = $"{Version}.{keyId}.{Masked(value)}";
        var plain = Encoding.UTF8.GetBytes(value);
        var sealedBytes = new byte[NonceBytes + plain.Length + TagBytes];
        var nonce = sealedBytes.AsSpan(0, NonceBytes);
        RandomNumberGenerator.Fill(nonce);
        using (var aes = new AesGcm(Keyring.Keys[keyId], TagBytes))
        {
            aes.Encrypt(nonce, plain, sealedBytes.AsSpan(NonceBytes, plain.Length), sealedBytes.AsSpan(NonceBytes + plain.Length), Encoding.UTF8.GetBytes(header));
        }

        return $"{Open}{header}.{Base64Url.EncodeToString(sealedBytes)}{Close}";
    }

    public string Unprotect(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        if (!TryParse(token, out var keyId, out var header, out var body))
        {
            throw new PersonalDataUnreadableException(PersonalDataUnreadableException.Damaged, null, "The text is not a personal-data token.");
        }

        if (!Keyring.Keys.TryGetValue(keyId, out var key))
        {
            throw new PersonalDataUnreadableException(PersonalDataUnreadableException.KeyMissing, keyId,
                $"The personal data is encrypted under key '{keyId}', which this hub is not given (Hub:PersonalData:Keys:{keyId}).");
        }

        byte[] sealedBytes;
        try
        {
            sealedBytes = Base64Url.DecodeFromChars(body);
        }
        catch (FormatException)
        {
            sealedBytes = [];
        }

        if (sealedBytes.Length < NonceBytes + TagBytes)
        {
            throw new PersonalDataUnreadableException(PersonalDataUnreadableException.Damaged, keyId, $"A personal-data token under key '{keyId}' is damaged.");
        }

        var plain = new byte[sealedBytes.Length - NonceBytes - TagBytes];
        try
        {
            using var aes = new AesGcm(key, TagBytes);
            aes.Decrypt(sealedBytes.AsSpan(0, NonceBytes), sealedBytes.AsSpan(NonceBytes, plain.Length), sealedBytes.AsSpan(NonceBytes + plain.Length), plain, Encoding.UTF8.GetBytes(header));
        }
        catch (AuthenticationTagMismatchException)
        {
            throw new PersonalDataUnreadableException(PersonalDataUnreadableException.Damaged, keyId,
                $"A personal-data token under key '{keyId}' does not verify: it was changed, or key '{keyId}' is not the key it was made with.");
        }

        return Encoding.UTF8.GetString(plain);
    }

    public string? KeyIdOf(string token) => TryParse(token, out var keyId, out _, out _) ? keyId : null;

    public string BlindIndex(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return Convert.ToHexStringLower(HMACSHA256.HashData(Keyring.BlindIndexKey, Encoding.UTF8.GetBytes(value.Trim())));
    }

    /// <summary>The masked form carried in a token: <see cref="PersonalDataMask.MaskId"/>, with anything but letters
    /// and digits shown as '*' so it cannot break the token's syntax.</summary>
    /// A leading '#' (a number's mark, see <see cref="PersonalDataPayloads"/>) is not part of what is masked.
    private static string Masked(string value) =>
        string.Concat(PersonalDataMask.MaskId(value.StartsWith('#') ? value[1..] : value).Select(c => char.IsAsciiLetterOrDigit(c) ? c : '*'));

    private static bool TryParse(string token, out string keyId, out string header, out string body)
    {
        keyId = header = body = string.Empty;
        if (!token.StartsWith(Open, StringComparison.Ordinal) || !token.EndsWith(Close, StringComparison.Ordinal))
        {
            return false;
        }

        var parts = token[Open.Length..^Close.Length].Split('.');
        if (parts is not [Version, var id, var masked, var sealedText] || id.Length == 0)
        {
            return false;
        }

        keyId = id;
        header = $"{Version}.{id}.{masked}";
        body = sealedText;
        return true;
    }
}
