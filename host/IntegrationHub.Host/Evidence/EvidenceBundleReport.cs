using System.Globalization;

namespace IntegrationHub.Host.Evidence;

/// <summary>What <see cref="EvidenceBundleChecker"/> found: valid when there are no problems. Keys: each key id with the
/// start of its public key's SHA-256 (DER), to compare with the key the hub publishes.</summary>
public sealed record EvidenceBundleReport(IReadOnlyList<string> Problems, int Events, IReadOnlyList<string> KeyIds, IReadOnlyList<DateTimeOffset> HeadTimes)
{
    public bool Valid => Problems.Count == 0 && Events > 0;

    public string Text() => Valid
        ? $"valid: {Events} event(s) proved to {HeadTimes.Count} signed head(s) signed at {string.Join(", ", HeadTimes.Select(t => EvidenceLine.Timestamp(t)))} under key {string.Join(", ", KeyIds)}"
        : "NOT valid:\n" + string.Join("\n", (Problems.Count == 0 ? ["the bundle lists no event"] : Problems).Select(p => "  " + p)) +
          (Events > 0 ? string.Create(CultureInfo.InvariantCulture, $"\n({Events} other event(s) checked)") : "");
}
