using System.Globalization;

namespace IntegrationHub.Benchmarks;

/// <summary>SLA-report mode's command line: <c>--messages N</c> (the SLA flow's messages over the past year, default
/// 400,000), <c>--flows K</c> (flows seeded with as many each, the SLA flow among them, default 3),
/// <c>--rounds N</c> (timed reports each way, default 5, after one untimed), <c>--timeout-minutes M</c> (default 60),
/// <c>--host-dll PATH</c>.</summary>
internal sealed record SlaReportBenchOptions(int Messages, int Flows, int Rounds, TimeSpan Timeout, string? HostDll)
{
    public const string Usage = "usage: IntegrationHub.Benchmarks sla-report [--messages N] [--flows K] [--rounds N] [--timeout-minutes M] [--host-dll PATH]";

    public static SlaReportBenchOptions Parse(IReadOnlyList<string> args)
    {
        var options = new SlaReportBenchOptions(400_000, 3, 5, TimeSpan.FromMinutes(60), null);
        for (var i = 0; i < args.Count; i++)
        {
            options = args[i] switch
            {
                "--messages" => options with { Messages = PositiveInt(args, ++i) },
                "--flows" => options with { Flows = PositiveInt(args, ++i) },
                "--rounds" => options with { Rounds = PositiveInt(args, ++i) },
                "--timeout-minutes" => options with { Timeout = TimeSpan.FromMinutes(PositiveInt(args, ++i)) },
                "--host-dll" => options with { HostDll = Value(args, ++i) },
                _ => throw new BenchmarkException($"Unknown argument '{args[i]}'. {Usage}"),
            };
        }

        return options;
    }

    private static string Value(IReadOnlyList<string> args, int index) =>
        index < args.Count ? args[index] : throw new BenchmarkException($"{args[index - 1]} needs a value. {Usage}");

    private static int PositiveInt(IReadOnlyList<string> args, int index) =>
        int.TryParse(Value(args, index), NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : throw new BenchmarkException($"{args[index - 1]} needs a positive whole number, not '{args[index]}'.");
}
