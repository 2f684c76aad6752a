using System.Diagnostics;

namespace IntegrationHub.Benchmarks;

/// <summary>Polling while the host runs: a condition (failing at once if the host exits), readiness, and the flow settling.</summary>
internal static class HubWaits
{
    /// <summary>Polls <paramref name="done"/> until true; fails at once if the host exits.</summary>
    public static async Task UntilAsync(HostProcess host, Func<bool> done, TimeSpan interval, Action? onPoll, CancellationToken cancellationToken)
    {
        while (!done())
        {
            if (host.HasExited)
            {
                throw new BenchmarkException($"The host exited early with code {host.ExitCode}.");
            }

            onPoll?.Invoke();
            await Task.Delay(interval, cancellationToken);
        }
    }

    public static async Task<TimeSpan> ReadyAsync(HttpClient hub, Stopwatch clock, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                using var response = await hub.GetAsync("health/ready", cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return clock.Elapsed;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(50, cancellationToken);
        }
    }

    /// <summary>Waits until the hub reports the flow's run ended and nothing pending, so no later write can change the counts.</summary>
    public static Task<HubFlowStatus> SettledAsync(HostProcess host, HttpClient hub, CancellationToken cancellationToken) =>
        SettledAsync(host, hub, HubFlowStatus.FlowId, cancellationToken);

    public static async Task<HubFlowStatus> SettledAsync(HostProcess host, HttpClient hub, string flowId, CancellationToken cancellationToken)
    {
        while (true)
        {
            if (await HubFlowStatus.ReadAsync(hub, flowId, cancellationToken) is { Settled: true } flow)
            {
                return flow;
            }

            if (host.HasExited)
            {
                throw new BenchmarkException($"The host exited early with code {host.ExitCode}.");
            }

            await Task.Delay(250, cancellationToken);
        }
    }
}
