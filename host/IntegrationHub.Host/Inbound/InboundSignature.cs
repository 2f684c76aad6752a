using System.Security.Cryptography;
using System.Text;

namespace IntegrationHub.Host.Inbound;

/// <summary>The request signature partners compute: Base64 HMAC-SHA256, keyed with the partner's secret, over
/// <c>METHOD\nPATH\nTIMESTAMP\nNONCE\nhex(SHA-256(body))</c>. The nonce is signed too, so it cannot be swapped to
/// get past the replay check.</summary>
public static class InboundSignature
{
    public static string CanonicalString(string method, string path, string timestamp, string nonce, ReadOnlySpan<byte> body) =>
        $"{method.ToUpperInvariant()}\n{path}\n{timestamp}\n{nonce}\n{Convert.ToHexStringLower(SHA256.HashData(body))}";

    public static string Compute(string secret, string method, string path, string timestamp, string nonce, ReadOnlySpan<byte> body) =>
        Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(CanonicalString(method, path, timestamp, nonce, body))));
}
