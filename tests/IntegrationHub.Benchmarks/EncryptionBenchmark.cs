using System.Diagnostics;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using IntegrationHub.Connectors.IGate;
using IntegrationHub.Host.PersonalData;

namespace IntegrationHub.Benchmarks;

/// <summary>Issue 15 item 5: the cost of personal data at rest on the store and delivery path. Realistic iGate dossier
/// payloads (applicant's 12-digit id, birth date, phone, e-mail, documents) go through
/// <see cref="PersonalDataPayloads.Protect"/> then <see cref="PersonalDataPayloads.Unprotect"/> (AES-256-GCM per id),
/// against the same payloads parsed and serialised as JSON without encryption (what storing any payload costs at least),
/// in alternating rounds of the same run; the ratio is of the rounds' medians. Every payload must read back byte for
/// byte and its protected form hold no 12-digit run. Also timed, in the same rounds: the plaintext's hash a message
/// keeps for its evidence (<see cref="IntegrationHub.Host.Evidence.PayloadDigest"/>, taken when it is stored).</summary>
internal static partial class EncryptionBenchmark
{
    public static Task<int> RunAsync(EncryptionBenchOptions options, CancellationToken cancellationToken)
    {
        var payloads = DossierPayloads(options.Dossiers);
        var cipher = new PersonalDataCipher(PersonalDataKeyring.Load(new PersonalDataOptions
        {
            Keys = { ["bench1"] = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray()) },
            CurrentKey = "bench1",
            BlindIndexKey = Convert.ToBase64String(Enumerable.Range(100, 32).Select(i => (byte)i).ToArray()),
        }, AppContext.BaseDirectory, mayGenerate: false));
        var encryption = new PersonalDataPayloads(cipher);
        var bytes = payloads.Sum(p => (long)p.Length);
        Console.WriteLine($"{payloads.Count:N0} dossier payloads, {bytes / payloads.Count:N0} chars each on average; {Environment.ProcessorCount} CPUs; .NET {Environment.Version}; {options.Rounds} rounds each way");

        var failures = Check(payloads, encryption);
        if (failures > 0)
        {
            Console.WriteLine($"FAILED: {failures} payload(s) did not read back as they were, or kept a 12-digit run once protected");
            return Task.FromResult(1);
        }

        ParseAndSerialize(payloads);
        ProtectAndUnprotect(payloads, encryption);
        var json = new List<double>();
        var encrypted = new List<double>();
        var digests = new List<double>();
        for (var round = 0; round < options.Rounds; round++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            json.Add(ParseAndSerialize(payloads));
            encrypted.Add(ProtectAndUnprotect(payloads, encryption));
            digests.Add(Digest(payloads));
        }

        var perJson = Median(json) / payloads.Count;
        var perEncrypted = Median(encrypted) / payloads.Count;
        Console.WriteLine($"JSON parse+serialize:           median {perJson:F2} µs/payload (rounds {Spread(json, payloads.Count)})");
        Console.WriteLine($"Protect+Unprotect (AES-GCM):    median {perEncrypted:F2} µs/payload (rounds {Spread(encrypted, payloads.Count)})");
        Console.WriteLine($"RATIO encryption/json: {perEncrypted / perJson:F2}x the JSON round trip; both together {(perJson + perEncrypted) / perJson:F2}x");
        var perDigest = Median(digests) / payloads.Count;
        Console.WriteLine($"Evidence payload hash:          median {perDigest:F2} µs/payload (rounds {Spread(digests, payloads.Count)})");
        Console.WriteLine($"RATIO hash/json: {perDigest / perJson:F2}x the JSON round trip; hash/encryption {perDigest / perEncrypted:F2}x");
        Console.WriteLine("OK: every payload read back as it was, none kept a 12-digit run once protected");
        return Task.FromResult(0);
    }

    /// <summary>The sandbox's generator, not started: dossiers with three status changes each, as iGate's feed gives them.</summary>
    private static List<string> DossierPayloads(int count)
    {
        var igate = new IGateSandbox(new IGateSandboxOptions { ApiKey = "bench", Seed = 15, Dossiers = new IGateDossierFeedOptions { InitialCount = 0 } });
        try
        {
            igate.Dossiers.Generate(count, 3);
            return igate.Dossiers.Codes().Select(c => igate.Dossiers.Snapshot(c)!.ToJsonString()).ToList();
        }
        finally
        {
            igate.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    private static int Check(List<string> payloads, PersonalDataPayloads encryption) =>
        payloads.Count(p => encryption.Protect(p) is var stored && (encryption.Unprotect(stored) != p || PersonalId().IsMatch(stored)));

    /// <returns>Microseconds for all payloads.</returns>
    private static double ParseAndSerialize(List<string> payloads)
    {
        var clock = Stopwatch.StartNew();
        var length = 0L;
        foreach (var payload in payloads)
        {
            length += JsonNode.Parse(payload)!.ToJsonString().Length;
        }

        GC.KeepAlive(length);
        return clock.Elapsed.TotalMicroseconds;
    }

    /// <returns>Microseconds for all payloads.</returns>
    private static double ProtectAndUnprotect(List<string> payloads, PersonalDataPayloads encryption)
    {
        var clock = Stopwatch.StartNew();
        var length = 0L;
        foreach (var payload in payloads)
        {
            length += encryption.Unprotect(encryption.Protect(payload)).Length;
        }

        GC.KeepAlive(length);
        return clock.Elapsed.TotalMicroseconds;
    }

    /// <returns>Microseconds for all payloads.</returns>
    private static double Digest(List<string> payloads)
    {
        var clock = Stopwatch.StartNew();
        var length = 0L;
        foreach (var payload in payloads)
        {
            length += IntegrationHub.Host.Evidence.PayloadDigest.Of(payload)!.Length;
        }

        GC.KeepAlive(length);
        return clock.Elapsed.TotalMicroseconds;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static string Spread(List<double> values, int count) => $"{values.Min() / count:F2}–{values.Max() / count:F2}";

    [GeneratedRegex(@"(?<!\d)\d{12}(?!\d)")]
    private static partial Regex PersonalId();
}
