using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using IntegrationHub.Host.Storage;
using IntegrationHub.Tests.Infrastructure;

namespace IntegrationHub.Tests.PersonalData;

/// <summary>A <c>pg_dump</c> of the whole database (every schema: hub, hangfire, quartz) of the embedded cluster a hub
/// process started, and where in it (table and column) personal ids or 12-digit numbers stand in clear.</summary>
internal static partial class EmbeddedDatabaseDump
{
    /// <summary>The user EmbeddedPostgres makes the cluster's superuser (its password in <c>hub-password</c> beside pgdata).</summary>
    private const string UserName = "hub";

    /// <param name="hubOutput">The hub's log, which names the cluster's data folder and port.</param>
    public static async Task<string> DumpAsync(string hubOutput)
    {
        var cluster = ClusterLine().Match(hubOutput);
        Assert.True(cluster.Success, $"the hub's log names no embedded PostgreSQL:\n{hubOutput}");
        var password = (await File.ReadAllTextAsync(Path.Combine(Path.GetDirectoryName(cluster.Groups["pgdata"].Value)!, "hub-password"))).Trim();
        // Over TCP with the password (the cluster has no Unix socket), so any OS user may run it.
        var (code, output, error) = await ProcessRun.RunAsync(Path.GetTempPath(), "/usr/lib/postgresql/15/bin/pg_dump",
            ["-h", "127.0.0.1", "-p", cluster.Groups["port"].Value, "-U", UserName, "--no-password", "--no-owner", new EmbeddedPostgresOptions().Database],
            new Dictionary<string, string> { ["PGPASSWORD"] = password }, TimeSpan.FromMinutes(2));
        Assert.True(code == 0, $"pg_dump exited with {code}: {error}");
        return output;
    }

    /// <summary>Each column (<c>schema.table.column</c>) holding one of <paramref name="ids"/>, or a 12-digit number
    /// standing alone, with how often and one example. bytea values are read decoded.</summary>
    public static IReadOnlyList<string> Findings(string dump, IReadOnlySet<string> ids)
    {
        var found = new SortedDictionary<string, (int Count, string Example)>(StringComparer.Ordinal);
        string? table = null;
        string[] columns = [];
        foreach (var line in dump.Split('\n'))
        {
            if (table is null)
            {
                if (CopyLine().Match(line) is { Success: true } copy)
                {
                    table = copy.Groups["table"].Value;
                    columns = copy.Groups["columns"].Value.Split(", ");
                }
                else
                {
                    Scan(line, "(outside table data)", ids, found);
                }

                continue;
            }

            if (line == "\\.")
            {
                table = null;
                continue;
            }

            var fields = line.Split('\t');
            for (var i = 0; i < fields.Length; i++)
            {
                Scan(Decoded(fields[i]), $"{table}.{(i < columns.Length ? columns[i] : i.ToString(CultureInfo.InvariantCulture))}", ids, found);
            }
        }

        return found.Select(f => $"{f.Key}: {f.Value.Count}, e.g. …{f.Value.Example}…").ToList();
    }

    private static void Scan(string text, string place, IReadOnlySet<string> ids, SortedDictionary<string, (int Count, string Example)> found)
    {
        foreach (Match digits in DigitRun().Matches(text))
        {
            for (var start = 0; start + 12 <= digits.Length; start++)
            {
                if (ids.Contains(digits.Value.Substring(start, 12)))
                {
                    Add(found, place + " (a sandbox's personal id)", text, digits.Index + start);
                }
            }
        }

        foreach (Match alone in StandingAlone().Matches(text))
        {
            Add(found, place + " (12 digits standing alone)", text, alone.Index);
        }
    }

    private static void Add(SortedDictionary<string, (int Count, string Example)> found, string key, string text, int index)
    {
        var from = Math.Max(0, index - 60);
        found[key] = found.TryGetValue(key, out var seen) ? (seen.Count + 1, seen.Example) : (1, text.Substring(from, Math.Min(100, text.Length - from)));
    }

    /// <summary>A bytea in COPY's text format (<c>\\x</c> then hex) as the bytes it holds, read as Latin-1; any other
    /// value as written.</summary>
    private static string Decoded(string field) =>
        field.StartsWith(@"\\x", StringComparison.Ordinal) && field.Length % 2 == 1 && HexDigits().IsMatch(field.AsSpan(3))
            ? Encoding.Latin1.GetString(Convert.FromHexString(field.AsSpan(3)))
            : field;

    [GeneratedRegex(@"Embedded PostgreSQL (?:started )?in (?<pgdata>\S+) (?:on 127\.0\.0\.1:|was already running on port )(?<port>\d+)")]
    private static partial Regex ClusterLine();

    [GeneratedRegex(@"^COPY (?<table>\S+) \((?<columns>[^)]*)\) FROM stdin;$")]
    private static partial Regex CopyLine();

    [GeneratedRegex(@"\d{12,}")]
    private static partial Regex DigitRun();

    [GeneratedRegex(@"^[0-9a-f]*$")]
    private static partial Regex HexDigits();

    /// <summary>As <see cref="PayloadEncryptionTests"/> reads a dump: hashes and tokens are letters and digits together.</summary>
    [GeneratedRegex(@"(?<![0-9A-Za-z_+/=-])\d{12}(?![0-9A-Za-z_+/=-])")]
    private static partial Regex StandingAlone();
}
