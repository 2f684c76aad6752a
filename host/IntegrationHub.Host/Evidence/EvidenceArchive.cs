using System.IO.Compression;
using System.Text;
using System.Text.Json;

namespace IntegrationHub.Host.Evidence;

/// <summary><c>&lt;ArchiveFolder&gt;/evidence</c>: for each history archive (<c>&lt;archive&gt;.evidence.jsonl.gz</c>)
/// the links of the log lines it took out of the database, one a line: chain, seq, log id, message id, business key,
/// time, hash and the hash before it (prev; hex) and the canonical event exactly as hashed (a JSON string). With the
/// signed heads and their stored leaves (kept in the database) they prove archived events: <c>GET /api/evidence</c>
/// reads them when a line is no longer in the log.
/// Written under a temporary name, flushed and renamed, as the history archives are.</summary>
public sealed class EvidenceArchive(string folder)
{
    public const string Folder = "evidence";
    public const string Suffix = ".evidence.jsonl.gz";

    public async Task<int> WriteAsync(string archive, IAsyncEnumerable<ArchivedLink> links, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        var temporary = Path.Combine(folder, $".{archive}.{Guid.NewGuid():N}.tmp");
        var count = 0;
        await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous))
        {
            await using (var gzip = new GZipStream(file, CompressionLevel.Optimal, leaveOpen: true))
            await using (var writer = new StreamWriter(gzip, new UTF8Encoding(false), 1 << 16))
            {
                await foreach (var link in links.WithCancellation(cancellationToken))
                {
                    await writer.WriteAsync(CanonicalJson.Text(new Dictionary<string, object?>(StringComparer.Ordinal)
                    {
                        ["chain"] = (long)link.Chain, ["seq"] = link.Seq, ["log_id"] = link.LogId, ["message_id"] = link.MessageId,
                        ["business_key"] = link.BusinessKey, ["at"] = EvidenceLine.Timestamp(link.At), ["hash"] = Convert.ToHexStringLower(link.Hash),
                        ["event"] = link.Event, ["prev"] = link.Prev is null ? null : Convert.ToHexStringLower(link.Prev),
                    }));
                    await writer.WriteAsync('\n');
                    count++;
                }
            }

            file.Flush(flushToDisk: true);
        }

        File.Move(temporary, Path.Combine(folder, archive + Suffix), overwrite: true);
        return count;
    }

    /// <summary>Every evidence archive of the folder (none: empty).</summary>
    public async Task<EvidenceArchiveIndex> ReadAsync(CancellationToken cancellationToken)
    {
        if (!Directory.Exists(folder))
        {
            return EvidenceArchiveIndex.Empty;
        }

        var links = new List<ArchivedLink>();
        foreach (var path in Directory.EnumerateFiles(folder, "*" + Suffix).Order(StringComparer.Ordinal))
        {
            await using var file = File.OpenRead(path);
            await using var gzip = new GZipStream(file, CompressionMode.Decompress);
            using var reader = new StreamReader(gzip, Encoding.UTF8);
            while (await reader.ReadLineAsync(cancellationToken) is { } line)
            {
                var root = JsonDocument.Parse(line).RootElement;
                links.Add(new ArchivedLink(root.GetProperty("chain").GetInt32(), root.GetProperty("seq").GetInt64(), root.GetProperty("log_id").GetInt64(),
                    root.GetProperty("message_id").GetInt64(), root.TryGetProperty("business_key", out var key) ? key.GetString() : null,
                    DateTimeOffset.Parse(root.GetProperty("at").GetString()!, System.Globalization.CultureInfo.InvariantCulture),
                    Convert.FromHexString(root.GetProperty("hash").GetString()!), root.GetProperty("event").GetString()!,
                    root.TryGetProperty("prev", out var prev) ? Convert.FromHexString(prev.GetString()!) : null));
            }
        }

        return new EvidenceArchiveIndex(links);
    }
}
