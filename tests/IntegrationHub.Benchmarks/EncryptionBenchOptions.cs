namespace IntegrationHub.Benchmarks;

/// <summary>Encryption mode's command line: <c>--dossiers N</c> (realistic iGate dossier payloads, default 5,000),
/// <c>--rounds N</c> (timed rounds each way, alternating, default 15, after one untimed), <c>--timeout-minutes M</c>
/// (default 10).</summary>
internal sealed record EncryptionBenchOptions(int Dossiers, int Rounds, TimeSpan Timeout)
{
    public const string Usage = "usage: IntegrationHub.Benchmarks encryption [--dossiers N] [--rounds N] [--timeout-minutes M]";

    public static EncryptionBenchOptions Parse(IReadOnlyList<string> args)
    {
        var options = new EncryptionBenchOptions(5_000, 15, TimeSpan.FromMinutes(10));
        for (var i = 0; i < args.Count; i++)
        {
            options = args[i] switch
            {
                "--dossiers" => options with { Dossiers = BenchArguments.PositiveInt(args, ++i, Usage) },
                "--rounds" => options with { Rounds = BenchArguments.PositiveInt(args, ++i, Usage) },
                "--timeout-minutes" => options with { Timeout = TimeSpan.FromMinutes(BenchArguments.PositiveInt(args, ++i, Usage)) },
                _ => throw new BenchmarkException($"Unknown argument '{args[i]}'. {Usage}"),
            };
        }

        return options;
    }
}
