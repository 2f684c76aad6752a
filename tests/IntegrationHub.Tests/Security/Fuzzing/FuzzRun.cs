using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.FSharp.Core;

namespace IntegrationHub.Tests.Security.Fuzzing;

/// <summary>Sends generated requests to a hub as an FsCheck property, a few at a time, and checks every answer. A broken
/// promise fails the property with the request, the answer and FsCheck's seed; set <c>HUB_FUZZ_REPLAY</c> to
/// <c>seed,gamma</c> (or <c>seed,gamma,size</c> for the failing step alone) to send the same requests again.</summary>
public static class FuzzRun
{
    public const int RequestsPerEndpoint = 10_000;
    public const int Concurrency = 8;
    public const string ReplayVariable = "HUB_FUZZ_REPLAY";

    public static FuzzTally Check(string endpoint, Gen<FuzzRequest> requests, HttpClient client, Func<FuzzRequest, FuzzAnswer, FuzzVerdict> check, int count = RequestsPerEndpoint)
    {
        var tally = new FuzzTally();
        using var gate = new SemaphoreSlim(Concurrency);
        var property = Prop.ForAll(Arb.From(requests), async request =>
        {
            await gate.WaitAsync();
            try
            {
                using var message = request.ToHttpRequest();
                using var response = await client.SendAsync(message);
                var answer = await FuzzAnswer.ReadAsync(response);
                var verdict = check(request, answer);
                tally.Add(verdict.Category);
                if (verdict.Failure is not null)
                {
                    throw new InvalidOperationException($"{endpoint}: {verdict.Failure}{Environment.NewLine}request: {request}{Environment.NewLine}answer: {answer}");
                }
            }
            finally
            {
                gate.Release();
            }
        });
        FsCheck.Check.One(Configuration(endpoint, count), property);
        return tally;
    }

    private static Config Configuration(string endpoint, int count)
    {
        var config = Config.QuickThrowOnFailure
            .WithName(endpoint)
            .WithMaxTest(count)
            .WithQuietOnSuccess(true)
            // Inputs are generated from the seed in order, whatever order the requests then run in.
            .WithParallelRunConfig(new ParallelRunConfig(Concurrency));
        if (Environment.GetEnvironmentVariable(ReplayVariable) is not { Length: > 0 } replay)
        {
            return config;
        }

        var parts = replay.Trim('(', ')', ' ').Split(',').Select(p => ulong.Parse(p.Trim(), CultureInfo.InvariantCulture)).ToArray();
        var size = parts.Length > 2 ? FSharpOption<int>.Some((int)parts[2]) : FSharpOption<int>.None;
        return config.WithReplay(FSharpOption<Replay>.Some(new Replay(new Rnd(parts[0], parts[1]), size))).WithMaxTest(parts.Length > 2 ? 1 : count);
    }
}
