using System.Globalization;

namespace IntegrationHub.Benchmarks;

/// <summary>Push or pull to delivered, in milliseconds, over <paramref name="Messages"/> delivered messages; for pushes
/// also the part from the inbox to the routed message (the rest is delivery); <paramref name="Split"/>: where the time went
/// (printed on its own line).</summary>
internal sealed record LatencyFigures(double P50Ms, double P99Ms, long Messages, double? RoutedP50Ms = null, double? RoutedP99Ms = null, LatencySplit? Split = null)
{
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"p50 {P50Ms,7:N1} ms, p99 {P99Ms,7:N1} ms (n={Messages:N0})") +
        (RoutedP50Ms is { } routed ? string.Create(CultureInfo.InvariantCulture, $" [routed after p50 {routed:N1} ms, p99 {RoutedP99Ms:N1} ms]") : "");
}
