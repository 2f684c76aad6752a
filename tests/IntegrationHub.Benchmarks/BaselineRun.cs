using System.Diagnostics;
using IntegrationHub.Connectors.IGate;
using IntegrationHub.Connectors.NationalPortal;
using IntegrationHub.Contracts;
using Microsoft.Extensions.Logging.Abstractions;

namespace IntegrationHub.Benchmarks;

/// <summary>The same work without the hub: in this process, read every procedure from the portal sandbox and write
/// them to the iGate sandbox in batches of 100, one batch after the other, with plain HttpClients (no Polly, no storage).</summary>
internal static class BaselineRun
{
    public const int BatchSize = 100;

    public static async Task<RunResult> RunAsync(int procedures, CancellationToken cancellationToken)
    {
        await using var sandboxes = await SandboxPair.StartAsync(procedures, cancellationToken);
        using var portalHttp = new HttpClient();
        using var iGateHttp = new HttpClient();
        var source = new NationalPortalConnector(
            new NationalPortalOptions { BaseUrl = sandboxes.PortalUrl.ToString(), Username = SandboxPair.Username, Password = SandboxPair.Password, UnitCode = SandboxPair.UnitCode },
            portalHttp,
            NullLogger<NationalPortalConnector>.Instance);
        using var destination = new IGateConnector(
            new IGateOptions { BaseUrl = sandboxes.IGateUrl.ToString(), ApiKey = SandboxPair.ApiKey, BatchSize = BatchSize },
            iGateHttp,
            NullLogger<IGateConnector>.Instance);

        using var self = Process.GetCurrentProcess();
        var cpuBefore = self.TotalProcessorTime;
        var machineBefore = MachineCpu.BusySeconds();
        var stopwatch = Stopwatch.StartNew();
        var batch = new List<OutboundMessage>(BatchSize);
        long messageId = 0;
        await foreach (var item in source.ReadAsync(NationalPortalConnector.ProceduresStream, null, cancellationToken))
        {
            if (item is SourceRecord record)
            {
                messageId++;
                batch.Add(new OutboundMessage(messageId, $"baseline:{messageId}", record.Key, record.BusinessKey ?? record.Key, record.Payload, 1));
                if (batch.Count == BatchSize)
                {
                    await WriteAsync(destination, batch, cancellationToken);
                }
            }
        }

        await WriteAsync(destination, batch, cancellationToken);
        stopwatch.Stop();
        self.Refresh();
        var cpu = self.TotalProcessorTime - cpuBefore;
        var other = MachineCpu.BusySeconds() - machineBefore - cpu.TotalSeconds;
        return new RunResult("BASELINE", procedures, stopwatch.Elapsed, sandboxes.Check(), cpu, Math.Max(0, other));
    }

    private static async Task WriteAsync(IGateConnector destination, List<OutboundMessage> batch, CancellationToken cancellationToken)
    {
        if (batch.Count == 0)
        {
            return;
        }

        var outcomes = await destination.WriteAsync(IGateConnector.ProceduresStream, batch, cancellationToken);
        if (outcomes.FirstOrDefault(o => !o.Delivered) is { Failure: { } failure })
        {
            throw new BenchmarkException($"Baseline: iGate did not take a procedure: {failure.Kind} {failure.Code} {failure.Message}");
        }

        batch.Clear();
    }
}
