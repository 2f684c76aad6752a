using System.Text.Json;

namespace IntegrationHub.Host.Evidence;

/// <summary>What a signed head says, as the canonical JSON that is signed: version, kind ("interval" or "day"), the day
/// it closes (local date, day heads only), when, the key id, every chain's seq and head and their Merkle root (hex).
/// Version 2 (with <see cref="LinksRoot"/>) also says, per chain, the seq the head before ended at (<c>from</c>), and
/// <c>links_root</c>: the RFC 6962 root over the leaves of the links (from, seq] of every chain, in (chain, seq) order,
/// which inclusion proofs lead to. Version 1 heads (before migration 0044) have neither.</summary>
public sealed record HeadStatement(string Kind, DateOnly? Day, DateTimeOffset SignedAt, string KeyId, IReadOnlyList<ChainHead> Chains, byte[]? LinksRoot = null)
{
    public byte[] Root() => MerkleTree.Root([.. Chains.OrderBy(c => c.Chain).Select(c => MerkleTree.Leaf(c.Chain, c.Seq, c.Hash))]);

    /// <summary>How many links the head covers (the leaves under <see cref="LinksRoot"/>; 0 for a version 1 head).</summary>
    public long TreeSize => LinksRoot is null ? 0 : Chains.Sum(c => c.Seq - (c.From ?? c.Seq));

    /// <summary>The index of link <paramref name="seq"/> of <paramref name="chain"/> among the leaves under
    /// <see cref="LinksRoot"/>; null when the head does not cover it.</summary>
    public long? LeafIndex(int chain, long seq)
    {
        if (LinksRoot is null)
        {
            return null;
        }

        var before = 0L;
        foreach (var c in Chains.OrderBy(c => c.Chain))
        {
            var from = c.From ?? c.Seq;
            if (c.Chain == chain)
            {
                return seq > from && seq <= c.Seq ? before + (seq - from - 1) : null;
            }

            before += c.Seq - from;
        }

        return null;
    }

    public string Text() => CanonicalJson.Text(new Dictionary<string, object?>(StringComparer.Ordinal)
    {
        ["v"] = LinksRoot is null ? 1L : 2L,
        ["kind"] = Kind,
        ["day"] = Day?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["signed_at"] = EvidenceLine.Timestamp(SignedAt),
        ["key_id"] = KeyId,
        ["root"] = Convert.ToHexStringLower(Root()),
        ["links_root"] = LinksRoot is null ? null : Convert.ToHexStringLower(LinksRoot),
        ["chains"] = Chains.OrderBy(c => c.Chain).Select(c => (object?)new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["chain"] = (long)c.Chain, ["seq"] = c.Seq, ["head"] = Convert.ToHexStringLower(c.Hash), ["from"] = LinksRoot is null ? null : c.From,
        }).ToList(),
    });

    /// <summary>Reads a stored statement back; null when it is not one (a forged or damaged row).</summary>
    public static HeadStatement? Parse(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;
            var version = root.GetProperty("v").GetInt64();
            if (version is not (1 or 2))
            {
                return null;
            }

            var chains = root.GetProperty("chains").EnumerateArray()
                .Select(c => new ChainHead(c.GetProperty("chain").GetInt32(), c.GetProperty("seq").GetInt64(), Convert.FromHexString(c.GetProperty("head").GetString()!),
                    version == 2 ? c.GetProperty("from").GetInt64() : null))
                .ToList();
            if (chains.Any(c => c.From is { } from && (from < 0 || from > c.Seq)))
            {
                return null;
            }

            var day = root.TryGetProperty("day", out var d) ? DateOnly.ParseExact(d.GetString()!, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : (DateOnly?)null;
            var statement = new HeadStatement(root.GetProperty("kind").GetString()!, day,
                DateTimeOffset.Parse(root.GetProperty("signed_at").GetString()!, System.Globalization.CultureInfo.InvariantCulture), root.GetProperty("key_id").GetString()!, chains,
                version == 2 ? Convert.FromHexString(root.GetProperty("links_root").GetString()!) : null);
            // The root written must be the root of the chains listed, and the text exactly canonical.
            return statement.Text() == text ? statement : null;
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or FormatException or InvalidOperationException)
        {
            return null;
        }
    }
}
