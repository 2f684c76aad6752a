using System.Buffers.Binary;
using System.Security.Cryptography;

namespace IntegrationHub.Host.Evidence;

/// <summary>The Merkle tree of RFC 6962 (Certificate Transparency) over the chains' heads (a statement's root) and over
/// the links a head covers (its links_root): leaf hash SHA-256(0x00 || leaf), node hash SHA-256(0x01 || left || right),
/// the left subtree the largest power of two below the count; the empty tree's root is SHA-256 of nothing. A leaf is
/// chain (4 bytes, big-endian) || seq (8 bytes, big-endian) || the chain's hash at that seq (32 bytes).</summary>
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

    /// <summary>The audit path of leaf <paramref name="index"/> (RFC 9162 2.1.3.1): the sibling hashes from the leaf up.
    /// <paramref name="subtrees"/> keeps the subtrees of 16 leaves or more computed, for many paths in one tree (each
    /// then costs a few dozen hashes instead of the whole tree).</summary>
    public static List<byte[]> Path(IReadOnlyList<byte[]> leafHashes, int index, Dictionary<(int Start, int Count), byte[]>? subtrees = null)
    {
        var path = new List<byte[]>();
        AddPath(leafHashes, index, 0, leafHashes.Count, path, subtrees);
        return path;
    }

    /// <summary>The root an audit path leads to from a leaf hash (RFC 9162 2.1.3.2); null when the path does not fit
    /// the index and size.</summary>
    public static byte[]? RootFromPath(byte[] leafHash, long index, long size, IReadOnlyList<byte[]> path)
    {
        if (index < 0 || index >= size)
        {
            return null;
        }

        var (fn, sn, hash) = (index, size - 1, leafHash);
        foreach (var sibling in path)
        {
            if (sn == 0)
            {
                return null;
            }

            if ((fn & 1) == 1 || fn == sn)
            {
                hash = Node(sibling, hash);
                while ((fn & 1) == 0 && fn != 0)
                {
                    fn >>= 1;
                    sn >>= 1;
                }
            }
            else
            {
                hash = Node(hash, sibling);
            }

            fn >>= 1;
            sn >>= 1;
        }

        return sn == 0 ? hash : null;
    }

    private static void AddPath(IReadOnlyList<byte[]> leaves, int index, int start, int count, List<byte[]> path, Dictionary<(int, int), byte[]>? subtrees)
    {
        if (count == 1)
        {
            return;
        }

        var split = Split(count);
        if (index < split)
        {
            AddPath(leaves, index, start, split, path, subtrees);
            path.Add(Subtree(leaves, start + split, count - split, subtrees));
        }
        else
        {
            AddPath(leaves, index - split, start + split, count - split, path, subtrees);
            path.Add(Subtree(leaves, start, split, subtrees));
        }
    }

    private static int Split(int count)
    {
        var split = 1;
        while (split * 2 < count)
        {
            split *= 2;
        }

        return split;
    }

    private static byte[] Node(byte[] left, byte[] right)
    {
        var node = new byte[65];
        node[0] = 1;
        left.CopyTo(node, 1);
        right.CopyTo(node, 33);
        return SHA256.HashData(node);
    }

    private static byte[] Subtree(IReadOnlyList<byte[]> leaves, int start, int count, Dictionary<(int, int), byte[]>? subtrees = null)
    {
        if (count == 1)
        {
            return leaves[start];
        }

        if (subtrees is not null && count >= 16 && subtrees.TryGetValue((start, count), out var known))
        {
            return known;
        }

        var split = Split(count);
        var hash = Node(Subtree(leaves, start, split, subtrees), Subtree(leaves, start + split, count - split, subtrees));
        if (subtrees is not null && count >= 16)
        {
            subtrees[(start, count)] = hash;
        }

        return hash;
    }
}
