namespace IntegrationHub.Benchmarks;

/// <summary>A failure the benchmark reports in one line (bad arguments, host died, counts wrong).</summary>
internal sealed class BenchmarkException(string message) : Exception(message);
