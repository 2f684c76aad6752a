using System.Security.Cryptography;
using System.Text;
using IntegrationHub.Host.Configuration;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Host.Inbound;

/// <summary>Checks a partner request's API key, timestamp window and HMAC signature. Secrets are compared in constant
/// time. Replayed nonces are caught when the message is stored (the nonce is written in the same transaction), so
/// two hosts on one database share the check and a restart does not forget it.</summary>
/// <remarks>An unknown or disabled partner is answered exactly like a wrong key (401 <c>invalid_api_key</c>, after the
/// same constant-time comparison against a key no one holds), so partner ids cannot be found by trying them.</remarks>
public sealed class InboundAuthenticator(IOptions<InboundOptions> options, TimeProvider timeProvider)
{
    // Random per process: nothing a caller sends can equal it.
    private readonly string _keyNoOneHolds = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public const string ApiKeyHeader = "X-Api-Key";
    public const string TimestampHeader = "X-Timestamp";
    public const string NonceHeader = "X-Nonce";
    public const string SignatureHeader = "X-Signature";

    public InboundError? Authenticate(string partnerId, string method, string path, IHeaderDictionary headers, ReadOnlySpan<byte> body, out InboundCaller? caller)
    {
        caller = null;
        var partner = options.Value.Partners.TryGetValue(partnerId, out var configured) && configured.Enabled ? configured : null;
        string? Header(string name) => headers.TryGetValue(name, out var value) && value.Count == 1 && !string.IsNullOrEmpty(value[0]) ? value[0] : null;
        var apiKey = Header(ApiKeyHeader);
        var timestamp = Header(TimestampHeader);
        var nonce = Header(NonceHeader);
        var signature = Header(SignatureHeader);
        var missing = apiKey is null ? ApiKeyHeader : timestamp is null ? TimestampHeader : nonce is null ? NonceHeader : signature is null ? SignatureHeader : null;
        if (missing is not null)
        {
            return InboundError.MissingCredentials(missing);
        }

        // Compared even for an unknown partner, so the answer and the work are the same as for a wrong key.
        var keyMatches = FixedTimeEquals(apiKey!, partner?.ApiKey ?? _keyNoOneHolds);
        if (partner is null || !keyMatches)
        {
            return InboundError.InvalidApiKey();
        }

        var skew = options.Value.ClockSkew;
        if (!long.TryParse(timestamp, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var seconds) ||
            Math.Abs(timeProvider.GetUtcNow().ToUnixTimeSeconds() - seconds) > skew.TotalSeconds)
        {
            return InboundError.ExpiredTimestamp(skew);
        }

        if (!IsWellFormedNonce(nonce!))
        {
            return InboundError.InvalidNonce();
        }

        var expected = InboundSignature.Compute(partner.Secret!, method, path, timestamp!, nonce!, body);
        if (!FixedTimeEquals(signature!, expected))
        {
            return InboundError.InvalidSignature();
        }

        caller = new InboundCaller(partnerId, nonce!, System.Text.Json.JsonSerializer.Serialize(new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["method"] = method.ToUpperInvariant(), ["path"] = path, ["timestamp"] = timestamp!, ["nonce"] = nonce!, ["signature"] = signature!,
            ["body_sha256"] = Convert.ToHexStringLower(SHA256.HashData(body)),
        }));
        return null;
    }

    private static bool IsWellFormedNonce(string nonce) =>
        nonce.Length is >= 16 and <= 64 && nonce.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    private static bool FixedTimeEquals(string given, string expected) =>
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(given)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
}
