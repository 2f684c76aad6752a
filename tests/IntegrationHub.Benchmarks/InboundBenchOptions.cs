using System.Globalization;

namespace IntegrationHub.Benchmarks;

/// <summary>Inbound mode's command line (<c>inbound</c> or <c>--inbound</c> first): <c>--connections N</c> (load client
/// and pgbench clients, default 64), <c>--seconds S</c> (measured window, default 20), <c>--warmup-seconds S</c> (default 5),
/// <c>--pgbench-seconds S</c> (default 15), <c>--skip-pgbench</c>, <c>--writers N</c>, <c>--commit-batch N</c>,
/// <c>--max-queued N</c> (Inbound:Writers, CommitBatchSize, MaxQueuedRequests; default: the host's own),
/// <c>--host-setting KEY=VALUE</c> (any further host setting, repeatable, e.g. Inbound__MaxInboxDepth=500000),
/// <c>--timeout-minutes M</c> (default 10), <c>--host-dll PATH</c>.</summary>
internal sealed record InboundBenchOptions(
    int Connections,
    int Seconds,
    int WarmupSeconds,
    int PgbenchSeconds,
    bool SkipPgbench,
    int? Writers,
    int? CommitBatchSize,
    int? MaxQueuedRequests,
    IReadOnlyList<KeyValuePair<string, string>> HostSettings,
    TimeSpan Timeout,
    string? HostDll,
    string Load = "auto",
    int WrkRate = 14_000)
{
    public const string Usage =
        "usage: IntegrationHub.Benchmarks inbound [--connections N] [--seconds S] [--warmup-seconds S] [--pgbench-seconds S] [--skip-pgbench] " +
        "[--writers N] [--commit-batch N] [--max-queued N] [--host-setting KEY=VALUE]... [--timeout-minutes M] [--host-dll PATH] " +
        "[--load auto|wrk|dotnet] [--wrk-rate N (requests pre-signed per second of run)]";

    public static InboundBenchOptions Parse(IReadOnlyList<string> args)
    {
        var options = new InboundBenchOptions(64, 20, 5, 15, false, null, null, null, [], TimeSpan.FromMinutes(10), null);
        var settings = new List<KeyValuePair<string, string>>();
        for (var i = 0; i < args.Count; i++)
        {
            options = args[i] switch
            {
                "--connections" => options with { Connections = PositiveInt(args, ++i) },
                "--seconds" => options with { Seconds = PositiveInt(args, ++i) },
                "--warmup-seconds" => options with { WarmupSeconds = PositiveInt(args, ++i) },
                "--pgbench-seconds" => options with { PgbenchSeconds = PositiveInt(args, ++i) },
                "--skip-pgbench" => options with { SkipPgbench = true },
                "--writers" => options with { Writers = PositiveInt(args, ++i) },
                "--commit-batch" => options with { CommitBatchSize = PositiveInt(args, ++i) },
                "--max-queued" => options with { MaxQueuedRequests = PositiveInt(args, ++i) },
                "--host-setting" => AddSetting(options, settings, Value(args, ++i)),
                "--timeout-minutes" => options with { Timeout = TimeSpan.FromMinutes(PositiveInt(args, ++i)) },
                "--host-dll" => options with { HostDll = Value(args, ++i) },
                "--load" => options with { Load = Value(args, ++i) is "auto" or "wrk" or "dotnet" ? args[i] : throw new BenchmarkException($"--load is auto, wrk or dotnet. {Usage}") },
                "--wrk-rate" => options with { WrkRate = PositiveInt(args, ++i) },
                _ => throw new BenchmarkException($"Unknown argument '{args[i]}'. {Usage}"),
            };
        }

        return options.Connections > 250 ? throw new BenchmarkException("--connections is at most 250 (the embedded PostgreSQL allows 300 connections).") : options;
    }

    private static InboundBenchOptions AddSetting(InboundBenchOptions options, List<KeyValuePair<string, string>> settings, string value)
    {
        var equals = value.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0)
        {
            throw new BenchmarkException($"--host-setting needs KEY=VALUE, not '{value}'.");
        }

        settings.Add(new(value[..equals], value[(equals + 1)..]));
        return options with { HostSettings = settings };
    }

    private static string Value(IReadOnlyList<string> args, int index) =>
        index < args.Count ? args[index] : throw new BenchmarkException($"{args[index - 1]} needs a value. {Usage}");

    private static int PositiveInt(IReadOnlyList<string> args, int index) =>
        int.TryParse(Value(args, index), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : throw new BenchmarkException($"{args[index - 1]} needs a positive whole number, not '{args[index]}'.");
}
