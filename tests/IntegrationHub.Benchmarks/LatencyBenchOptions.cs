using System.Globalization;

namespace IntegrationHub.Benchmarks;

/// <summary>Latency mode's command line (<c>latency</c> first): <c>--rates 200,1000</c> (messages a second, each rate a
/// window), <c>--seconds S</c> (each window, default 300), <c>--warmup-seconds S</c> (default 15), <c>--pull-share F</c>
/// (the share of the inflow that is pulled records, default 0.5; the rest are pushes), <c>--skip-baseline</c> (no run with
/// Hub:Wake:Enabled=false), <c>--host-setting KEY=VALUE</c> (repeatable), <c>--timeout-minutes M</c> (default 90),
/// <c>--host-dll PATH</c>.</summary>
internal sealed record LatencyBenchOptions(
    IReadOnlyList<int> Rates,
    int Seconds,
    int WarmupSeconds,
    double PullShare,
    bool SkipBaseline,
    IReadOnlyList<KeyValuePair<string, string>> HostSettings,
    TimeSpan Timeout,
    string? HostDll)
{
    public const string Usage =
        "usage: IntegrationHub.Benchmarks latency [--rates 200,1000] [--seconds S] [--warmup-seconds S] [--pull-share F] [--skip-baseline] " +
        "[--host-setting KEY=VALUE]... [--timeout-minutes M] [--host-dll PATH]";

    public static LatencyBenchOptions Parse(IReadOnlyList<string> args)
    {
        var options = new LatencyBenchOptions([200, 1000], 300, 15, 0.5, false, [], TimeSpan.FromMinutes(90), null);
        var settings = new List<KeyValuePair<string, string>>();
        for (var i = 0; i < args.Count; i++)
        {
            options = args[i] switch
            {
                "--rates" => options with { Rates = [.. Value(args, ++i).Split(',').Select(r => PositiveInt(r, "--rates"))] },
                "--seconds" => options with { Seconds = PositiveInt(Value(args, ++i), "--seconds") },
                "--warmup-seconds" => options with { WarmupSeconds = PositiveInt(Value(args, ++i), "--warmup-seconds") },
                "--pull-share" => options with { PullShare = Share(Value(args, ++i)) },
                "--skip-baseline" => options with { SkipBaseline = true },
                "--host-setting" => options with { HostSettings = AddSetting(settings, Value(args, ++i)) },
                "--timeout-minutes" => options with { Timeout = TimeSpan.FromMinutes(PositiveInt(Value(args, ++i), "--timeout-minutes")) },
                "--host-dll" => options with { HostDll = Value(args, ++i) },
                _ => throw new BenchmarkException($"Unknown argument '{args[i]}'. {Usage}"),
            };
        }

        return options;
    }

    internal static List<KeyValuePair<string, string>> AddSetting(List<KeyValuePair<string, string>> settings, string value)
    {
        var equals = value.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0)
        {
            throw new BenchmarkException($"--host-setting needs KEY=VALUE, not '{value}'.");
        }

        settings.Add(new(value[..equals], value[(equals + 1)..]));
        return settings;
    }

    internal static double Share(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var share) && share is >= 0 and <= 1
            ? share
            : throw new BenchmarkException($"--pull-share is a number from 0 to 1, not '{text}'.");

    internal static string Value(IReadOnlyList<string> args, int index) =>
        index < args.Count ? args[index] : throw new BenchmarkException($"{args[index - 1]} needs a value. {Usage}");

    internal static int PositiveInt(string text, string name) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : throw new BenchmarkException($"{name} needs a positive whole number, not '{text}'.");
}
