using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace IntegrationHub.Host.Storage;

/// <summary>The archive folder (<c>Hub:Retention:ArchiveFolder</c>): per archive a gzip JSON-lines file named by its
/// content's hash and a manifest (<c>&lt;archive&gt;.manifest.json</c>) with its SHA-256 and counts. Every file is written
/// under a temporary name, flushed to disk and renamed into place, the manifest last: an archive is there whole or not at
/// all, and writing one again (a retried run) replaces it atomically.</summary>
public sealed class HistoryArchive(string folder)
{
    public const string ManifestSuffix = ".manifest.json";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public string Folder => folder;

    /// <summary>Writes <paramref name="lines"/> as the archive <paramref name="partition"/>'s next generation, then reads it
    /// back to verify it; only a verified archive's manifest is written.</summary>
    public async Task<HistoryArchiveManifest> WriteAsync(HistoryPartition partition, IAsyncEnumerable<HistoryArchiveLine> lines, DateTimeOffset now, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        var archive = partition.NextArchiveName;
        var temporary = Path.Combine(folder, $".{archive}.{Guid.NewGuid():N}.tmp");
        long messages = 0, deliveries = 0, steps = 0;
        try
        {
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous))
            {
                await using (var gzip = new GZipStream(file, CompressionLevel.Optimal, leaveOpen: true))
                await using (var writer = new StreamWriter(gzip, new UTF8Encoding(false), 1 << 16))
                {
                    await foreach (var line in lines.WithCancellation(cancellationToken))
                    {
                        await writer.WriteAsync(line.Json);
                        await writer.WriteAsync('\n');
                        messages++;
                        deliveries += line.Deliveries;
                        steps += line.Steps;
                    }
                }

                file.Flush(flushToDisk: true);
            }

            var (sha256, bytes) = await HashAsync(temporary, cancellationToken);
            var name = $"{archive}.{sha256[..16]}.jsonl.gz";
            File.Move(temporary, Path.Combine(folder, name), overwrite: true);
            var manifest = new HistoryArchiveManifest(archive, partition.Name, partition.Archives + 1, partition.FromId, partition.ToId, partition.OpenedAt, partition.ClosedAt, now,
                [new HistoryArchiveFile(name, sha256, bytes, messages, deliveries, steps)]);
            var problems = await VerifyAsync(manifest, cancellationToken);
            if (problems.Count > 0)
            {
                throw new IOException($"The archive {archive} did not verify after writing: {string.Join("; ", problems)}");
            }

            await WriteManifestAsync(manifest, cancellationToken);
            foreach (var stale in Directory.EnumerateFiles(folder, $"{archive}.*.jsonl.gz").Where(f => Path.GetFileName(f) != name))
            {
                File.Delete(stale);
            }

            return manifest;
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>Every archive's manifest in the folder, oldest first.</summary>
    public IReadOnlyList<HistoryArchiveManifest> Manifests() =>
        !Directory.Exists(folder)
            ? []
            : [.. Directory.EnumerateFiles(folder, "*" + ManifestSuffix)
                .Select(path => JsonSerializer.Deserialize<HistoryArchiveManifest>(File.ReadAllText(path), Json)
                    ?? throw new InvalidDataException($"{path} is not an archive manifest."))
                .OrderBy(m => m.FromId).ThenBy(m => m.Generation)];

    /// <summary>What is wrong with an archive's files against its manifest: missing, another size or SHA-256, or not the
    /// counted messages, deliveries and steps. Empty: it verifies.</summary>
    public async Task<IReadOnlyList<string>> VerifyAsync(HistoryArchiveManifest manifest, CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        foreach (var file in manifest.Files)
        {
            var path = Path.Combine(folder, file.Name);
            if (!File.Exists(path))
            {
                problems.Add($"{manifest.Archive}: {file.Name} is missing");
                continue;
            }

            var (sha256, bytes) = await HashAsync(path, cancellationToken);
            if (sha256 != file.Sha256 || bytes != file.Bytes)
            {
                problems.Add($"{manifest.Archive}: {file.Name} has SHA-256 {sha256} ({bytes} bytes), its manifest says {file.Sha256} ({file.Bytes} bytes)");
                continue;
            }

            long messages = 0, deliveries = 0, steps = 0;
            try
            {
                // Counted from the JSON itself, whatever the kind of record (a message, an inbox message, an audit row).
                await foreach (var line in ReadLinesAsync(path, cancellationToken))
                {
                    using var record = JsonDocument.Parse(line);
                    messages++;
                    deliveries += ArrayLength(record.RootElement, "deliveries");
                    steps += ArrayLength(record.RootElement, "steps");
                }
            }
            catch (Exception e) when (e is InvalidDataException or JsonException)
            {
                problems.Add($"{manifest.Archive}: {file.Name} cannot be read: {e.Message}");
                continue;
            }

            if ((messages, deliveries, steps) != (file.Messages, file.Deliveries, file.Steps))
            {
                problems.Add($"{manifest.Archive}: {file.Name} holds {messages} messages, {deliveries} deliveries, {steps} steps; its manifest says {file.Messages}, {file.Deliveries}, {file.Steps}");
            }
        }

        return problems;
    }

    /// <summary>Every archive checked: its problems, if any, by archive name.</summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> VerifyAllAsync(CancellationToken cancellationToken)
    {
        var results = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var manifest in Manifests())
        {
            results[manifest.Archive] = await VerifyAsync(manifest, cancellationToken);
        }

        return results;
    }

    /// <summary>The archived messages of a business key, oldest first, and the archives that could not be searched (a
    /// checksum that does not match: the file is not trusted).</summary>
    public async Task<(IReadOnlyList<MessageHistory> Messages, IReadOnlyList<string> Problems)> FindAsync(string businessKey, int limit, CancellationToken cancellationToken)
    {
        var found = new List<MessageHistory>();
        var problems = new List<string>();
        await foreach (var line in TrustedLinesAsync(problems, cancellationToken))
        {
            var message = JsonSerializer.Deserialize<HistoryArchiveMessage>(line) ?? throw new InvalidDataException("An archive line is null.");
            if (message.BusinessKey == businessKey && found.Count < limit)
            {
                found.Add(message.ToHistory());
            }
        }

        return (found, problems);
    }

    /// <summary>The records (JSON lines) that <paramref name="wanted"/> picks from every archive whose files match their
    /// manifest, oldest first, and the archives that could not be read (as <see cref="FindAsync"/>).</summary>
    public async Task<(IReadOnlyList<string> Lines, IReadOnlyList<string> Problems)> ReadAllAsync(Func<string, bool> wanted, CancellationToken cancellationToken)
    {
        var found = new List<string>();
        var problems = new List<string>();
        await foreach (var line in TrustedLinesAsync(problems, cancellationToken))
        {
            if (wanted(line))
            {
                found.Add(line);
            }
        }

        return (found, problems);
    }

    /// <summary>Removes an archive that is not wanted after all (it held nothing): its manifest first, then its files.</summary>
    public void Delete(HistoryArchiveManifest manifest)
    {
        File.Delete(Path.Combine(folder, manifest.Archive + ManifestSuffix));
        foreach (var file in manifest.Files)
        {
            File.Delete(Path.Combine(folder, file.Name));
        }
    }

    /// <summary>The archive folder of another kind of record (<c>inbox</c>, <c>audits</c>), beside the messages'.</summary>
    public HistoryArchive Kind(string name) => new(Path.Combine(folder, name));

    private async IAsyncEnumerable<string> TrustedLinesAsync(List<string> problems, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var manifest in Manifests())
        {
            foreach (var file in manifest.Files)
            {
                var path = Path.Combine(folder, file.Name);
                if (!File.Exists(path) || (await HashAsync(path, cancellationToken)).Sha256 != file.Sha256)
                {
                    problems.Add($"{manifest.Archive}: {file.Name} is missing or does not match its manifest's SHA-256");
                    continue;
                }

                await foreach (var line in ReadLinesAsync(path, cancellationToken))
                {
                    yield return line;
                }
            }
        }
    }

    private static int ArrayLength(JsonElement record, string property) =>
        record.ValueKind == JsonValueKind.Object && record.TryGetProperty(property, out var list) && list.ValueKind == JsonValueKind.Array ? list.GetArrayLength() : 0;

    private static async IAsyncEnumerable<string> ReadLinesAsync(string path, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var file = File.OpenRead(path);
        await using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, Encoding.UTF8);
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            yield return line;
        }
    }

    private async Task WriteManifestAsync(HistoryArchiveManifest manifest, CancellationToken cancellationToken)
    {
        var temporary = Path.Combine(folder, $".{manifest.Archive}.{Guid.NewGuid():N}.tmp");
        await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write))
        {
            await JsonSerializer.SerializeAsync(file, manifest, Json, cancellationToken);
            file.Flush(flushToDisk: true);
        }

        File.Move(temporary, Path.Combine(folder, manifest.Archive + ManifestSuffix), overwrite: true);
    }

    private static async Task<(string Sha256, long Bytes)> HashAsync(string path, CancellationToken cancellationToken)
    {
        await using var file = File.OpenRead(path);
        var hash = await SHA256.HashDataAsync(file, cancellationToken);
        return (Convert.ToHexStringLower(hash), file.Length);
    }
}
