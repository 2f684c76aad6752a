using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace IntegrationHub.Host.Evidence;

/// <summary>Checks an evidence bundle offline (README "Evidence bundle format"): no hub, no database, no configuration.
/// Each head's statement must be canonical and verify under the bundle's key of its key id; each chain's links are
/// recomputed from the hash before its first event to the head's seq and must end at the head's hash; the head's leaf
/// and audit path must lead to the signed root; every event the manifest lists must be there, in its chain. Each
/// finding names the file (and link) and what was expected and found.</summary>
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
        var problems = new List<string>();
        if (!files.TryGetValue(ManifestName, out var manifestBytes))
        {
            return new EvidenceBundleReport([$"{ManifestName} is missing"], 0, [], []);
        }

        JsonElement manifest;
        try
        {
            manifest = JsonDocument.Parse(manifestBytes).RootElement;
            _ = manifest.GetProperty("events").GetArrayLength() + manifest.GetProperty("chains").GetArrayLength();
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return new EvidenceBundleReport([$"{ManifestName} is not a bundle manifest: {e.Message}"], 0, [], []);
        }

        var heads = new Dictionary<long, HeadStatement?>();
        var keyIds = new SortedSet<string>(StringComparer.Ordinal);
        var headTimes = new SortedSet<DateTimeOffset>();
        var proved = new Dictionary<int, (long From, long To)>();
        foreach (var chainEntry in manifest.GetProperty("chains").EnumerateArray())
        {
            var chain = chainEntry.GetProperty("chain").GetInt32();
            var (from, to, headId) = (chainEntry.GetProperty("from").GetInt64(), chainEntry.GetProperty("to").GetInt64(), chainEntry.GetProperty("head").GetInt64());
            if (!heads.TryGetValue(headId, out var statement))
            {
                statement = heads[headId] = CheckHead(files, headId, problems, out var fingerprint);
                if (statement is not null)
                {
                    keyIds.Add($"{statement.KeyId} (public key SHA-256 {fingerprint}…)");
                    headTimes.Add(statement.SignedAt);
                }
            }

            if (statement is null)
            {
                continue;
            }

            var signed = statement.Chains.FirstOrDefault(c => c.Chain == chain);
            if (signed is null || signed.Seq != to)
            {
                problems.Add($"{ManifestName}: chain {chain} is proved up to link {to}, but heads/{headId}.json signs link {signed?.Seq.ToString(CultureInfo.InvariantCulture) ?? "(none)"} of it");
                continue;
            }

            CheckInclusion(chainEntry, statement, signed, headId, problems);
            if (CheckChain(files, chain, from, signed, headId, problems))
            {
                proved[chain] = (from, to);
            }
        }

        var events = 0;
        foreach (var listed in manifest.GetProperty("events").EnumerateArray())
        {
            var (chain, seq, logId, messageId) = (listed.GetProperty("chain").GetInt32(), listed.GetProperty("seq").GetInt64(), listed.GetProperty("log_id").GetInt64(), listed.GetProperty("message_id").GetInt64());
            var name = EventName(chain, seq);
            if (!proved.TryGetValue(chain, out var range) || seq < range.From || seq > range.To)
            {
                if (!problems.Any(p => p.Contains($"chain {chain}", StringComparison.Ordinal) || p.Contains(name, StringComparison.Ordinal)))
                {
                    problems.Add($"{ManifestName}: event log line {logId} of message {messageId} (chain {chain}, link {seq}) is not within a proved chain segment");
                }

                continue;
            }

            if (!files.TryGetValue(name, out var bytes))
            {
                continue;
            }

            try
            {
                var root = JsonDocument.Parse(bytes).RootElement;
                if (root.GetProperty("log_id").GetInt64() != logId || root.GetProperty("message_id").GetInt64() != messageId)
                {
                    problems.Add($"{name}: {ManifestName} lists log line {logId} of message {messageId} there, found log line {root.GetProperty("log_id").GetInt64()} of message {root.GetProperty("message_id").GetInt64()}");
                    continue;
                }
            }
            catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
            {
                problems.Add($"{name}: not an event ({e.Message})");
                continue;
            }

            events++;
        }

        return new EvidenceBundleReport(problems, events, [.. keyIds], [.. headTimes]);
    }

    public static string EventName(int chain, long seq) => $"events/{chain}-{seq.ToString(CultureInfo.InvariantCulture)}.json";

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

    private static void CheckInclusion(JsonElement chainEntry, HeadStatement statement, ChainHead signed, long headId, List<string> problems)
    {
        try
        {
            var path = chainEntry.GetProperty("audit_path").EnumerateArray().Select(h => Convert.FromHexString(h.GetString()!)).ToList();
            var root = MerkleTree.RootFromPath(MerkleTree.Leaf(signed.Chain, signed.Seq, signed.Hash),
                chainEntry.GetProperty("leaf_index").GetInt64(), chainEntry.GetProperty("tree_size").GetInt64(), path);
            var expected = statement.Root();
            if (root is null || !root.AsSpan().SequenceEqual(expected))
            {
                problems.Add($"{ManifestName}: the audit path of chain {signed.Chain} does not lead to the root of heads/{headId}.json: expected {Convert.ToHexStringLower(expected)}, found {(root is null ? "(no root)" : Convert.ToHexStringLower(root))}");
            }
        }
        catch (Exception e) when (e is KeyNotFoundException or InvalidOperationException or FormatException)
        {
            problems.Add($"{ManifestName}: chain {signed.Chain}'s audit path is unreadable ({e.Message})");
        }
    }

    /// <summary>Recomputes links/&lt;chain&gt;.txt from the hash before <paramref name="from"/> to the head.</summary>
    private static bool CheckChain(IReadOnlyDictionary<string, byte[]> files, int chain, long from, ChainHead signed, long headId, List<string> problems)
    {
        var linksName = $"links/{chain}.txt";
        if (!files.TryGetValue(linksName, out var linksBytes))
        {
            problems.Add($"{linksName} is missing");
            return false;
        }

        var listed = new Dictionary<long, byte[]>();
        foreach (var line in Encoding.ASCII.GetString(linksBytes).Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = line.Split(' ');
            if (parts.Length != 2 || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var seq) || parts[1].Length != 64)
            {
                problems.Add($"{linksName}: line '{line}' is not '<seq> <64 hex digits>'");
                return false;
            }

            listed[seq] = Convert.FromHexString(parts[1]);
        }

        if (!listed.TryGetValue(from - 1, out var previous))
        {
            problems.Add($"{linksName}: the hash of link {from - 1} (where the proof starts) is missing");
            return false;
        }

        var valid = true;
        for (var seq = from; seq <= signed.Seq; seq++)
        {
            var name = EventName(chain, seq);
            var found = listed.GetValueOrDefault(seq);
            if (!files.TryGetValue(name, out var canonical))
            {
                problems.Add($"{name} (link {seq} of chain {chain}) was removed: the chain cannot be recomputed past it" + (found is null ? $" (and its line in {linksName} too)" : ""));
                return false;
            }

            var computed = EvidenceHash.Link(previous, canonical);
            if (found is null)
            {
                problems.Add($"{linksName}: the line of link {seq} was removed (expected {Convert.ToHexStringLower(computed)})");
                valid = false;
            }
            else if (!computed.AsSpan().SequenceEqual(found))
            {
                // Which one changed: the listed hash that the rest of the chain (or the head) goes on from is the
                // original; the event that does not hash to it was changed, else the listed hash was.
                var next = listed.GetValueOrDefault(seq + 1);
                var nextEvent = files.GetValueOrDefault(EventName(chain, seq + 1));
                var listedFits = seq == signed.Seq ? found.AsSpan().SequenceEqual(signed.Hash)
                    : next is not null && nextEvent is not null && EvidenceHash.Link(found, nextEvent).AsSpan().SequenceEqual(next);
                problems.Add(listedFits
                    ? $"{name} (link {seq} of chain {chain}{EventOf(canonical)}) was changed: it hashes to {Convert.ToHexStringLower(computed)}, its link in {linksName} (which the chain goes on from to heads/{headId}.json) is {Convert.ToHexStringLower(found)}" +
                      (seq == from ? $"; or the hash of link {from - 1} in {linksName}, which it starts from, was changed" : "")
                    : $"{linksName}: the hash of link {seq} was changed: expected {Convert.ToHexStringLower(computed)} (recomputed from {name}), found {Convert.ToHexStringLower(found)}");
                valid = false;
            }

            previous = computed;
        }

        if (valid && !previous.AsSpan().SequenceEqual(signed.Hash))
        {
            problems.Add($"chain {chain}: recomputed to link {signed.Seq}, its hash is {Convert.ToHexStringLower(previous)}, but heads/{headId}.json signs {Convert.ToHexStringLower(signed.Hash)}: the hash before the first event (link {from - 1} in {linksName}) or an event was changed");
            valid = false;
        }

        return valid;
    }

    private static string EventOf(byte[] canonical)
    {
        try
        {
            var root = JsonDocument.Parse(canonical).RootElement;
            return $", log line {root.GetProperty("log_id").GetInt64()} of message {root.GetProperty("message_id").GetInt64()}, event '{root.GetProperty("event").GetString()}'";
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
}
