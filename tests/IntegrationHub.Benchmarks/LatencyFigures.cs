using System.Globalization;

namespace IntegrationHub.Benchmarks;

/// <summary>Push or pull to delivered, in milliseconds, over <paramref name="Messages"/> delivered messages.</summary>
internal sealed record LatencyFigures(double P50Ms, double P99Ms, long Messages)
{
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"p50 {P50Ms,7:N1} ms, p99 {P99Ms,7:N1} ms (n={Messages:N0})");
}
