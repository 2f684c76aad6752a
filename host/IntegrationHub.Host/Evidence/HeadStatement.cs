using System.Text.Json;

namespace IntegrationHub.Host.Evidence;

/// <summary>What a signed head says, as the canonical JSON that is signed: version, kind ("interval" or "day"), the day
/// it closes (local date, day heads only), when, the key id, every chain's seq and head and their Merkle root (hex).</summary>
public sealed record HeadStatement(string Kind, DateOnly? Day, DateTimeOffset SignedAt, string KeyId, IReadOnlyList<ChainHead> Chains)
{
    public byte[] Root() => MerkleTree.Root([.. Chains.OrderBy(c => c.Chain).Select(c => MerkleTree.Leaf(c.Chain, c.Seq, c.Hash))]);

    public string Text() => CanonicalJson.Text(new Dictionary<string, object?>(StringComparer.Ordinal)
    {
        ["v"] = 1L,
        ["kind"] = Kind,
        ["day"] = Day?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["signed_at"] = EvidenceLine.Timestamp(SignedAt),
        ["key_id"] = KeyId,
        ["root"] = Convert.ToHexStringLower(Root()),
        ["chains"] = Chains.OrderBy(c => c.Chain).Select(c => (object?)new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["chain"] = (long)c.Chain, ["seq"] = c.Seq, ["head"] = Convert.ToHexStringLower(c.Hash),
        }).ToList(),
    });

    /// <summary>Reads a stored statement back; null when it is not one (a forged or damaged row).</summary>
    public static HeadStatement? Parse(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;
            var chains = root.GetProperty("chains").EnumerateArray()
                .Select(c => new ChainHead(c.GetProperty("chain").GetInt32(), c.GetProperty("seq").GetInt64(), Convert.FromHexString(c.GetProperty("head").GetString()!)))
                .ToList();
            var day = root.TryGetProperty("day", out var d) ? DateOnly.ParseExact(d.GetString()!, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : (DateOnly?)null;
            var statement = new HeadStatement(root.GetProperty("kind").GetString()!, day,
                DateTimeOffset.Parse(root.GetProperty("signed_at").GetString()!, System.Globalization.CultureInfo.InvariantCulture), root.GetProperty("key_id").GetString()!, chains);
            // The root written must be the root of the chains listed, and the text exactly canonical.
            return statement.Text() == text ? statement : null;
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or FormatException or InvalidOperationException)
        {
            return null;
        }
    }
}
