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
                "--messages" => options with { Messages = BenchArguments.PositiveInt(args, ++i, Usage) },
                "--flows" => options with { Flows = BenchArguments.PositiveInt(args, ++i, Usage) },
                "--rounds" => options with { Rounds = BenchArguments.PositiveInt(args, ++i, Usage) },
                "--timeout-minutes" => options with { Timeout = TimeSpan.FromMinutes(BenchArguments.PositiveInt(args, ++i, Usage)) },
                "--host-dll" => options with { HostDll = BenchArguments.Value(args, ++i, Usage) },
                _ => throw new BenchmarkException($"Unknown argument '{args[i]}'. {Usage}"),
            };
        }

        return options;
    }
}
