namespace IntegrationHub.Benchmarks;

/// <summary>Soak mode's command line (<c>soak</c> first): <c>--messages N</c> (default 1,000,000), <c>--rate R</c> (messages
/// a second, default 1,000), <c>--pull-share F</c> (default 0.5), <c>--host-setting KEY=VALUE</c> (repeatable),
/// <c>--timeout-minutes M</c> (default 600), <c>--host-dll PATH</c>.</summary>
internal sealed record SoakBenchOptions(long Messages, int Rate, double PullShare, IReadOnlyList<KeyValuePair<string, string>> HostSettings, TimeSpan Timeout, string? HostDll)
{
    public const string Usage =
        "usage: IntegrationHub.Benchmarks soak [--messages N] [--rate R] [--pull-share F] [--host-setting KEY=VALUE]... [--timeout-minutes M] [--host-dll PATH]";

    public static SoakBenchOptions Parse(IReadOnlyList<string> args)
    {
        var options = new SoakBenchOptions(1_000_000, 1000, 0.5, [], TimeSpan.FromMinutes(600), null);
        var settings = new List<KeyValuePair<string, string>>();
        for (var i = 0; i < args.Count; i++)
        {
            options = args[i] switch
            {
                "--messages" => options with { Messages = LatencyBenchOptions.PositiveInt(Value(args, ++i), "--messages") },
                "--rate" => options with { Rate = LatencyBenchOptions.PositiveInt(Value(args, ++i), "--rate") },
                "--pull-share" => options with { PullShare = LatencyBenchOptions.Share(Value(args, ++i)) },
                "--host-setting" => options with { HostSettings = LatencyBenchOptions.AddSetting(settings, Value(args, ++i)) },
                "--timeout-minutes" => options with { Timeout = TimeSpan.FromMinutes(LatencyBenchOptions.PositiveInt(Value(args, ++i), "--timeout-minutes")) },
                "--host-dll" => options with { HostDll = Value(args, ++i) },
                _ => throw new BenchmarkException($"Unknown argument '{args[i]}'. {Usage}"),
            };
        }

        return options;
    }

    private static string Value(IReadOnlyList<string> args, int index) =>
        index < args.Count ? args[index] : throw new BenchmarkException($"{args[index - 1]} needs a value. {Usage}");
}
