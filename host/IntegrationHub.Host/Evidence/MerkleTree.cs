using System.Buffers.Binary;
using System.Security.Cryptography;

namespace IntegrationHub.Host.Evidence;

/// <summary>The Merkle tree of RFC 6962 (Certificate Transparency) over the chains' heads: leaf hash SHA-256(0x00 ||
/// leaf), node hash SHA-256(0x01 || left || right), the left subtree the largest power of two below the count; the
/// empty tree's root is SHA-256 of nothing. A head's leaf is chain (4 bytes, big-endian) || seq (8 bytes, big-endian)
/// || the chain's hash (32 bytes).</summary>
public static class MerkleTree
{
    public static byte[] Leaf(int chain, long seq, ReadOnlySpan<byte> head)
    {
        Span<byte> leaf = stackalloc byte[1 + 4 + 8 + 32];
        leaf[0] = 0;
        BinaryPrimitives.WriteInt32BigEndian(leaf[1..], chain);
        BinaryPrimitives.WriteInt64BigEndian(leaf[5..], seq);
        head.CopyTo(leaf[13..]);
        return SHA256.HashData(leaf);
    }

    public static byte[] Root(IReadOnlyList<byte[]> leafHashes) =>
        leafHashes.Count == 0 ? SHA256.HashData([]) : Subtree(leafHashes, 0, leafHashes.Count);

    private static byte[] Subtree(IReadOnlyList<byte[]> leaves, int start, int count)
    {
        if (count == 1)
        {
            return leaves[start];
        }

        var split = 1;
        while (split * 2 < count)
        {
            split *= 2;
        }

        var node = new byte[65];
        node[0] = 1;
        Subtree(leaves, start, split).CopyTo(node, 1);
        Subtree(leaves, start + split, count - split).CopyTo(node, 33);
        return SHA256.HashData(node);
    }
}
