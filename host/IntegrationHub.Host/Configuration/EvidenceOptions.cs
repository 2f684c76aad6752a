namespace IntegrationHub.Host.Configuration;

/// <summary>The evidence log (<c>Hub:Evidence</c>): message-log lines linked into hash chains, heads signed.</summary>
public sealed class EvidenceOptions
{
    /// <summary>Off: log lines are not queued, linked or signed (the benchmarks' baseline; lines written meanwhile
    /// stay unlinked for good).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Chains a message's events are spread over (by message id). More chains: shorter proofs.</summary>
    public int Chains { get; set; } = 8;

    /// <summary>How often the sequencer links queued log lines: the longest a line stays unlinked, plus one pass.</summary>
    public TimeSpan LinkInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Queued lines linked per transaction.</summary>
    public int LinkBatch { get; set; } = 5000;

    /// <summary>How often the chains' heads are signed (besides at each local day's end).</summary>
    public TimeSpan SignInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The zone whose midnight ends a day (a day head is signed then).</summary>
    public string TimeZone { get; set; } = "Asia/Ho_Chi_Minh";

    /// <summary>How often the chains and heads are re-checked.</summary>
    public TimeSpan VerifyInterval { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Links re-checked per chain per pass (the check goes on where it stopped, round and round).</summary>
    public int VerifyBatch { get; set; } = 100_000;

    public EvidenceSigningKeyOptions SigningKey { get; set; } = new();

    /// <summary>Earlier keys' public halves (key id → PEM text or a path to a PEM file), so heads signed before a
    /// rotation still verify.</summary>
    public Dictionary<string, string> VerificationKeys { get; set; } = new(StringComparer.Ordinal);

    public IEnumerable<string> Problems()
    {
        if (Chains is < 1 or > 256)
        {
            yield return "Hub:Evidence:Chains must be between 1 and 256.";
        }

        if (LinkInterval < TimeSpan.FromMilliseconds(50) || LinkInterval > TimeSpan.FromMinutes(1))
        {
            yield return "Hub:Evidence:LinkInterval must be between 00:00:00.05 and 00:01:00 (how long a log line may stay unlinked).";
        }

        if (LinkBatch is < 1 or > 100_000)
        {
            yield return "Hub:Evidence:LinkBatch must be between 1 and 100000.";
        }

        if (SignInterval < TimeSpan.FromSeconds(10) || SignInterval > TimeSpan.FromHours(24))
        {
            yield return "Hub:Evidence:SignInterval must be between 00:00:10 and 1.00:00:00.";
        }

        if (VerifyInterval < TimeSpan.FromSeconds(10) || VerifyInterval > TimeSpan.FromDays(7))
        {
            yield return "Hub:Evidence:VerifyInterval must be between 00:00:10 and 7.00:00:00.";
        }

        if (VerifyBatch is < 100 or > 10_000_000)
        {
            yield return "Hub:Evidence:VerifyBatch must be between 100 and 10000000.";
        }

        if (!TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out _))
        {
            yield return $"Hub:Evidence:TimeZone '{TimeZone}' is not a known time zone.";
        }

        if (!string.IsNullOrWhiteSpace(SigningKey.Path) && !string.IsNullOrWhiteSpace(SigningKey.Pem))
        {
            yield return "Hub:Evidence:SigningKey: give Path or Pem, not both.";
        }
    }
}
