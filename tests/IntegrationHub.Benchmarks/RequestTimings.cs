using System.Diagnostics;

namespace IntegrationHub.Benchmarks;

/// <summary>Latency of one GET, asked one request after another on a kept-alive connection, the body read in full.</summary>
internal sealed record RequestTimings(int Count, double MedianMs, double P99Ms, double MaxMs, double MeanMs)
{
    public static async Task<RequestTimings> MeasureAsync(HttpClient client, string path, int warmup, int count, CancellationToken cancellationToken)
    {
        for (var i = 0; i < warmup; i++)
        {
            await GetAsync(client, path, cancellationToken);
        }

        var samples = new double[count];
        for (var i = 0; i < count; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await GetAsync(client, path, cancellationToken);
            samples[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }

        Array.Sort(samples);
        return new RequestTimings(count, Percentile(samples, 0.5), Percentile(samples, 0.99), samples[^1], samples.Average());
    }

    public override string ToString() => $"median {MedianMs:N2} ms, p99 {P99Ms:N2} ms, max {MaxMs:N2} ms, mean {MeanMs:N2} ms ({Count} requests)";

    private static async Task GetAsync(HttpClient client, string path, CancellationToken cancellationToken)
    {
        using var response = await client.GetAsync(path, HttpCompletionOption.ResponseContentRead, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new BenchmarkException($"GET {path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
        }
    }

    /// <summary>Nearest rank on sorted samples.</summary>
    private static double Percentile(double[] sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}
