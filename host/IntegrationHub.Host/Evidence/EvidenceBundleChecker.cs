using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace IntegrationHub.Host.Evidence;

/// <summary>Checks an evidence bundle (version 2) offline (README "Evidence bundle format"): no hub, no database, no
/// configuration. Each head's statement must be canonical and verify under the bundle's key of its key id; each event
/// must hash with its prev to its link hash, lie within the head's range of its chain at the leaf index the statement
/// gives it, and its leaf's audit path must lead to the head's signed links_root. Each finding names the event (file,
/// log line, chain and link) or the head, and what was expected and found.</summary>
public static class EvidenceBundleChecker
{
    public const string ManifestName = "bundle.json";

    public static EvidenceBundleReport Check(Stream zip)
    {
        ZipArchive archive;
        try
        {
            archive = new ZipArchive(zip, ZipArchiveMode.Read, leaveOpen: true);
        }
        catch (InvalidDataException e)
        {
            return new EvidenceBundleReport([$"not a zip file: {e.Message}"], 0, [], []);
        }

        using (archive)
        {
            var files = archive.Entries.Where(e => !e.FullName.EndsWith('/')).ToDictionary(e => e.FullName, Read, StringComparer.Ordinal);
            return Check(files);
        }
    }

    /// <summary>Checks a bundle's files (name → bytes).</summary>
    public static EvidenceBundleReport Check(IReadOnlyDictionary<string, byte[]> files)
    {
        if (!files.TryGetValue(ManifestName, out var manifestBytes))
        {
            return new EvidenceBundleReport([$"{ManifestName} is missing"], 0, [], []);
        }

        JsonElement manifest;
        try
        {
            manifest = JsonDocument.Parse(manifestBytes).RootElement;
            var version = manifest.GetProperty("v").GetInt64();
            if (version != 2)
            {
                return new EvidenceBundleReport([$"{ManifestName} is a bundle of version {version}; this checker reads version 2"], 0, [], []);
            }

            _ = manifest.GetProperty("events").GetArrayLength();
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return new EvidenceBundleReport([$"{ManifestName} is not a bundle manifest: {e.Message}"], 0, [], []);
        }

        var problems = new List<string>();
        var heads = new Dictionary<long, HeadStatement?>();
        var keyIds = new SortedSet<string>(StringComparer.Ordinal);
        var headTimes = new SortedSet<DateTimeOffset>();
        var events = 0;
        var proved = new List<EventProof>();
        foreach (var listed in manifest.GetProperty("events").EnumerateArray())
        {
            EventProof proof;
            try
            {
                proof = EventProof.Read(listed);
            }
            catch (Exception e) when (e is KeyNotFoundException or InvalidOperationException or FormatException)
            {
                problems.Add($"{ManifestName}: an event entry is unreadable ({e.Message}): {listed.GetRawText()}");
                continue;
            }

            if (proof.HeadId is not { } headId)
            {
                problems.Add($"{proof.Label}: no signed head covers it ({ManifestName} gives no proof)");
                continue;
            }

            if (!heads.TryGetValue(headId, out var statement))
            {
                statement = heads[headId] = CheckHead(files, headId, problems, out var fingerprint);
                if (statement is not null)
                {
                    keyIds.Add($"{statement.KeyId} (public key SHA-256 {fingerprint}…)");
                    headTimes.Add(statement.SignedAt);
                }
            }

            if (statement is not null && CheckEvent(files, proof, statement, problems))
            {
                events++;
                proved.Add(proof);
            }
        }

        if (manifest.TryGetProperty("business_key", out var key) && key.ValueKind == JsonValueKind.String)
        {
            CheckOwnership(files, proved, key.GetString()!, problems);
        }

        return new EvidenceBundleReport(problems, events, [.. keyIds], [.. headTimes]);
    }

    public static string EventName(int chain, long seq) => $"events/{chain}-{seq.ToString(CultureInfo.InvariantCulture)}.json";

    /// <returns>Whether the event is proved.</returns>
    private static bool CheckEvent(IReadOnlyDictionary<string, byte[]> files, EventProof proof, HeadStatement statement, List<string> problems)
    {
        var headName = $"heads/{proof.HeadId}.json";
        if (statement.LinksRoot is null)
        {
            problems.Add($"{headName} is a version 1 statement: it has no links_root to prove {proof.Label} with");
            return false;
        }

        var chain = statement.Chains.FirstOrDefault(c => c.Chain == proof.Chain);
        if (statement.LeafIndex(proof.Chain, proof.Seq) is not { } expectedIndex)
        {
            problems.Add($"{proof.Label} is not within the links {headName} signs for chain {proof.Chain} " +
                (chain is null ? "(none)" : $"({chain.From}, {chain.Seq}]"));
            return false;
        }

        if (!files.TryGetValue(proof.Name, out var canonical))
        {
            problems.Add($"{proof.Label} was removed: {proof.Name} is missing");
            return false;
        }

        try
        {
            var root = JsonDocument.Parse(canonical).RootElement;
            if (root.GetProperty("log_id").GetInt64() != proof.LogId || root.GetProperty("message_id").GetInt64() != proof.MessageId)
            {
                problems.Add($"{proof.Name}: {ManifestName} lists log line {proof.LogId} of message {proof.MessageId} there, found log line {root.GetProperty("log_id").GetInt64()} of message {root.GetProperty("message_id").GetInt64()}");
                return false;
            }
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            problems.Add($"{proof.Label} was changed: {proof.Name} is not an event ({e.Message})");
            return false;
        }

        if (proof.LeafIndex != expectedIndex || proof.TreeSize != statement.TreeSize)
        {
            problems.Add($"{ManifestName}: the leaf_index/tree_size of {proof.Label} were changed: {headName} puts it at leaf {expectedIndex} of {statement.TreeSize}, found {proof.LeafIndex} of {proof.TreeSize}");
            return false;
        }

        var computed = proof.Prev is null ? null : EvidenceHash.Link(proof.Prev, canonical);
        var linked = computed is not null && computed.AsSpan().SequenceEqual(proof.Hash);
        bool Included(byte[] hash) => MerkleTree.RootFromPath(MerkleTree.Leaf(proof.Chain, proof.Seq, hash), proof.LeafIndex, proof.TreeSize, proof.AuditPath) is { } root
            && root.AsSpan().SequenceEqual(statement.LinksRoot);
        var included = Included(proof.Hash);
        if (linked && included)
        {
            return true;
        }

        static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);
        problems.Add(
            proof.Prev is null ? $"{ManifestName}: the prev of {proof.Label} is missing: its link hash cannot be recomputed"
            : !linked && included ? $"{proof.Label} was changed, or its prev in {ManifestName}: SHA-256(prev ‖ {proof.Name}) is {Hex(computed!)}, the link hash {headName} includes is {Hex(proof.Hash)}{EventOf(canonical)}"
            : !linked && Included(computed!) ? $"{ManifestName}: the link hash of {proof.Label} was changed: expected {Hex(computed!)} (SHA-256(prev ‖ event), which {headName} includes), found {Hex(proof.Hash)}"
            : linked ? $"{ManifestName}: the audit path (or leaf_index, tree_size) of {proof.Label} was changed: it does not lead to the links_root {Hex(statement.LinksRoot)} of {headName}"
            : $"{proof.Label}: its event, prev, link hash and audit path were changed: SHA-256(prev ‖ event) is {Hex(computed!)}, neither it nor the hash listed ({Hex(proof.Hash)}) leads to the links_root of {headName}");
        return false;
    }

    /// <summary>The manifest's business key is not signed; what ties an event to it is the proved "received" event of
    /// its message, which names the business key. An event of a message whose receipt (proved, in this bundle) does
    /// not name it is reported: the manifest or the bundle's events were changed.</summary>
    private static void CheckOwnership(IReadOnlyDictionary<string, byte[]> files, List<EventProof> proved, string businessKey, List<string> problems)
    {
        var owned = new HashSet<long>();
        foreach (var proof in proved)
        {
            var root = JsonDocument.Parse(files[proof.Name]).RootElement;
            if (root.GetProperty("event").GetString() == "received" && root.TryGetProperty("message", out var message) &&
                message.TryGetProperty("business_key", out var named) && named.ValueKind == JsonValueKind.String && named.GetString() == businessKey)
            {
                owned.Add(proof.MessageId);
            }
        }

        foreach (var message in proved.Where(p => !owned.Contains(p.MessageId)).GroupBy(p => p.MessageId))
        {
            problems.Add($"{string.Join(", ", message.Select(p => p.Name))}: message {message.Key} is not shown to be of business key '{businessKey}' " +
                $"({ManifestName} names it): no proved 'received' event of that message in the bundle names it");
        }
    }

    private static HeadStatement? CheckHead(IReadOnlyDictionary<string, byte[]> files, long headId, List<string> problems, out string? fingerprint)
    {
        fingerprint = null;
        var (statementName, signatureName) = ($"heads/{headId}.json", $"heads/{headId}.sig");
        if (!files.TryGetValue(statementName, out var text) || !files.TryGetValue(signatureName, out var signature))
        {
            problems.Add($"{(files.ContainsKey(statementName) ? signatureName : statementName)} is missing");
            return null;
        }

        var statement = HeadStatement.Parse(Encoding.UTF8.GetString(text));
        if (statement is null)
        {
            problems.Add($"{statementName} was changed: it is not a canonical head statement whose root is the Merkle root of the chains it lists");
            return null;
        }

        var keyName = $"keys/{statement.KeyId}.pem";
        if (!files.TryGetValue(keyName, out var pem))
        {
            problems.Add($"{keyName} (the key {statementName} names) is missing");
            return null;
        }

        using var key = ECDsa.Create();
        try
        {
            key.ImportFromPem(Encoding.ASCII.GetString(pem));
        }
        catch (Exception e) when (e is ArgumentException or CryptographicException)
        {
            problems.Add($"{keyName} is not an ECDSA public key in PEM");
            return null;
        }

        fingerprint = EvidenceKeys.Fingerprint(key);
        bool valid;
        try
        {
            valid = key.VerifyData(text, signature, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        }
        catch (CryptographicException)
        {
            valid = false;
        }

        if (!valid)
        {
            problems.Add($"{signatureName} does not verify {statementName} under {keyName} (key fingerprint {fingerprint}): the statement, the signature or the key was changed");
            return null;
        }

        return statement;
    }

    private static string EventOf(byte[] canonical)
    {
        try
        {
            var root = JsonDocument.Parse(canonical).RootElement;
            return $" (event '{root.GetProperty("event").GetString()}')";
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return "";
        }
    }

    private static byte[] Read(ZipArchiveEntry entry)
    {
        using var stream = entry.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    /// <summary>An event entry of bundle.json.</summary>
    private sealed record EventProof(int Chain, long Seq, long LogId, long MessageId, byte[]? Prev, byte[] Hash, long? HeadId, long LeafIndex, long TreeSize, List<byte[]> AuditPath)
    {
        public string Name => EventName(Chain, Seq);

        public string Label => $"{Name} (log line {LogId} of message {MessageId}, chain {Chain}, link {Seq})";

        public static EventProof Read(JsonElement e)
        {
            long? Long(string name) => e.TryGetProperty(name, out var value) ? value.GetInt64() : null;
            return new EventProof(e.GetProperty("chain").GetInt32(), e.GetProperty("seq").GetInt64(), e.GetProperty("log_id").GetInt64(), e.GetProperty("message_id").GetInt64(),
                e.TryGetProperty("prev", out var prev) ? Convert.FromHexString(prev.GetString()!) : null, Convert.FromHexString(e.GetProperty("hash").GetString()!),
                Long("head"), Long("leaf_index") ?? -1, Long("tree_size") ?? 0,
                e.TryGetProperty("audit_path", out var path) ? [.. path.EnumerateArray().Select(h => Convert.FromHexString(h.GetString()!))] : []);
        }
    }
}
