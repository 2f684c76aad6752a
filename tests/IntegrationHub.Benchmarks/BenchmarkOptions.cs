using System.Globalization;

namespace IntegrationHub.Benchmarks;

/// <summary>Command line: <c>--procedures N</c> (default 100,000), <c>--skip-baseline</c>,
/// <c>--timeout-minutes M</c> (default 10), <c>--host-dll PATH</c> (default: the host built with this benchmark),
/// <c>--host-setting KEY=VALUE</c> (repeatable, e.g. <c>Hub__Delivery__MaxRecordsPerCommit=100</c>: a setting's cost),
/// <c>--evidence-compare</c> (the hub run twice, evidence log off then on, and the ratio).</summary>
internal sealed record BenchmarkOptions(int Procedures, bool SkipBaseline, TimeSpan Timeout, string? HostDll, IReadOnlyList<KeyValuePair<string, string>> HostSettings, bool EvidenceCompare = false)
{
    public const string Usage = "usage: IntegrationHub.Benchmarks [--procedures N] [--skip-baseline] [--timeout-minutes M] [--host-dll PATH] [--host-setting KEY=VALUE]... [--evidence-compare]";

    public static BenchmarkOptions Parse(string[] args)
    {
        var options = new BenchmarkOptions(100_000, false, TimeSpan.FromMinutes(10), null, []);
        var settings = new List<KeyValuePair<string, string>>();
        for (var i = 0; i < args.Length; i++)
        {
            options = args[i] switch
            {
                "--procedures" => options with { Procedures = PositiveInt(args, ++i) },
                "--skip-baseline" => options with { SkipBaseline = true },
                "--evidence-compare" => options with { EvidenceCompare = true },
                "--timeout-minutes" => options with { Timeout = TimeSpan.FromMinutes(PositiveInt(args, ++i)) },
                "--host-dll" => options with { HostDll = Value(args, ++i) },
                "--host-setting" => options with { HostSettings = LatencyBenchOptions.AddSetting(settings, Value(args, ++i)) },
                _ => throw new BenchmarkException($"Unknown argument '{args[i]}'. {Usage}"),
            };
        }

        // The sandbox's catalogue keeps codes unique up to a million procedures.
        return options.Procedures > 1_000_000 ? throw new BenchmarkException("--procedures is at most 1,000,000.") : options;
    }

    private static string Value(string[] args, int index) =>
        index < args.Length ? args[index] : throw new BenchmarkException($"{args[index - 1]} needs a value. {Usage}");

    private static int PositiveInt(string[] args, int index) =>
        int.TryParse(Value(args, index), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : throw new BenchmarkException($"{args[index - 1]} needs a positive whole number, not '{args[index]}'.");
}
