using System.Security.Cryptography;

namespace IntegrationHub.Host.Evidence;

/// <summary>The chain's link: SHA-256(previous hash || canonical event); a chain starts from 32 zero bytes.</summary>
public static class EvidenceHash
{
    public static byte[] Genesis => new byte[32];

    public static byte[] Link(ReadOnlySpan<byte> previous, ReadOnlySpan<byte> canonicalEvent)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(previous);
        hash.AppendData(canonicalEvent);
        return hash.GetHashAndReset();
    }

    /// <summary>The chain a message's events go to.</summary>
    public static int ChainOf(long messageId, int chains) => (int)(((messageId % chains) + chains) % chains);
}
