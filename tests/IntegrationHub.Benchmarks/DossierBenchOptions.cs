using System.Globalization;

namespace IntegrationHub.Benchmarks;

/// <summary>Dossier mode's command line: <c>--changes N</c> (progress entries for the hub run, default 100,000),
/// <c>--baseline-changes N</c> (default 10,000), <c>--skip-baseline</c>, <c>--timeout-minutes M</c> (default 15, both
/// runs together), <c>--host-dll PATH</c>.</summary>
internal sealed record DossierBenchOptions(int Changes, int BaselineChanges, bool SkipBaseline, TimeSpan Timeout, string? HostDll)
{
    public const string Usage =
        "usage: IntegrationHub.Benchmarks dossiers [--changes N] [--baseline-changes N] [--skip-baseline] [--timeout-minutes M] [--host-dll PATH]";

    /// <summary>iGate's sandbox makes at most a million dossiers per call; four progress entries each.</summary>
    private const int MaxChanges = 4_000_000;

    public static DossierBenchOptions Parse(IReadOnlyList<string> args)
    {
        var options = new DossierBenchOptions(100_000, 10_000, false, TimeSpan.FromMinutes(15), null);
        for (var i = 0; i < args.Count; i++)
        {
            options = args[i] switch
            {
                "--changes" => options with { Changes = PositiveInt(args, ++i) },
                "--baseline-changes" => options with { BaselineChanges = PositiveInt(args, ++i) },
                "--skip-baseline" => options with { SkipBaseline = true },
                "--timeout-minutes" => options with { Timeout = TimeSpan.FromMinutes(PositiveInt(args, ++i)) },
                "--host-dll" => options with { HostDll = Value(args, ++i) },
                _ => throw new BenchmarkException($"Unknown argument '{args[i]}'. {Usage}"),
            };
        }

        return options.Changes > MaxChanges || options.BaselineChanges > MaxChanges
            ? throw new BenchmarkException($"--changes and --baseline-changes are at most {MaxChanges:N0}.")
            : options;
    }

    private static string Value(IReadOnlyList<string> args, int index) =>
        index < args.Count ? args[index] : throw new BenchmarkException($"{args[index - 1]} needs a value. {Usage}");

    private static int PositiveInt(IReadOnlyList<string> args, int index) =>
        int.TryParse(Value(args, index), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : throw new BenchmarkException($"{args[index - 1]} needs a positive whole number, not '{args[index]}'.");
}
