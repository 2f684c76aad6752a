using System.Runtime.InteropServices;
using IntegrationHub.Benchmarks;

// Procedures National Portal -> iGate: the connectors alone (BASELINE), then the hub end to end (HUB).
// "inbound" (or --inbound) first: signed pushes to the inbound gateway against pgbench's single-row INSERT rate.
// "dossiers" first: iGate dossiers and progress -> National Portal, the hub (HUB) against one job per message (BASELINE).
// "flow-counts" first: GET /api/flows on an empty hub and on one with millions of messages of history (issue 12, item 4).
// "latency" first: a steady inflow of pushes and pulled records, push/read -> delivered with and without wake-ups (issue 13, item 2).
// "sla-report" first: a year's SLA report of one flow, per message in C# (before) and per day in PostgreSQL (issue 14, item 5).
// "soak" first: a million messages through the pull and push flows, memory, connections and latency early and late (issue 13, item 7).
// "encryption" first: dossier payloads' personal ids encrypted and decrypted against their JSON parse and serialise (issue 15, item 5).
BenchmarkOptions? options = null;
FlowCountsBenchOptions? flowCountsOptions = null;
DossierBenchOptions? dossierOptions = null;
InboundBenchOptions? inboundOptions = null;
LatencyBenchOptions? latencyOptions = null;
SoakBenchOptions? soakOptions = null;
SlaReportBenchOptions? slaReportOptions = null;
EncryptionBenchOptions? encryptionOptions = null;
try
{
    if (args is ["inbound" or "--inbound", .. var inboundArgs])
    {
        inboundOptions = InboundBenchOptions.Parse(inboundArgs);
    }
    else if (args is ["latency", .. var latencyArgs])
    {
        latencyOptions = LatencyBenchOptions.Parse(latencyArgs);
    }
    else if (args is ["sla-report", .. var slaReportArgs])
    {
        slaReportOptions = SlaReportBenchOptions.Parse(slaReportArgs);
    }
    else if (args is ["encryption", .. var encryptionArgs])
    {
        encryptionOptions = EncryptionBenchOptions.Parse(encryptionArgs);
    }
    else if (args is ["soak", .. var soakArgs])
    {
        soakOptions = SoakBenchOptions.Parse(soakArgs);
    }
    else if (args is ["flow-counts", .. var countsArgs])
    {
        flowCountsOptions = FlowCountsBenchOptions.Parse(countsArgs);
    }
    else if (args is ["dossiers", .. var rest])
    {
        dossierOptions = DossierBenchOptions.Parse(rest);
    }
    else
    {
        options = BenchmarkOptions.Parse(args);
    }
}
catch (BenchmarkException e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}

var timeoutSpan = encryptionOptions?.Timeout ?? slaReportOptions?.Timeout ?? latencyOptions?.Timeout ?? soakOptions?.Timeout ?? flowCountsOptions?.Timeout ?? inboundOptions?.Timeout ?? dossierOptions?.Timeout ?? options!.Timeout;
using var timeout = new CancellationTokenSource(timeoutSpan);
using var cancel = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token);
using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
if (dossierOptions is null && inboundOptions is null && flowCountsOptions is null && latencyOptions is null && soakOptions is null && slaReportOptions is null && encryptionOptions is null)
{
    Console.WriteLine($"{options!.Procedures:N0} procedures; {Environment.ProcessorCount} CPUs; {MachineInfo.MemoryTotal()} RAM; .NET {Environment.Version}; timeout {options.Timeout.TotalMinutes} min");
}

try
{
    if (flowCountsOptions is not null)
    {
        return await FlowCountsBenchmark.RunAsync(flowCountsOptions, cancel.Token);
    }

    if (encryptionOptions is not null)
    {
        return await EncryptionBenchmark.RunAsync(encryptionOptions, cancel.Token);
    }

    if (slaReportOptions is not null)
    {
        return await SlaReportBenchmark.RunAsync(slaReportOptions, cancel.Token);
    }

    if (latencyOptions is not null)
    {
        return await LatencyBenchmark.RunAsync(latencyOptions, cancel.Token);
    }

    if (soakOptions is not null)
    {
        return await SoakBenchmark.RunAsync(soakOptions, cancel.Token);
    }

    if (inboundOptions is not null)
    {
        return await InboundBenchmark.RunAsync(inboundOptions, cancel.Token);
    }

    if (dossierOptions is not null)
    {
        return await DossierBenchmark.RunAsync(dossierOptions, cancel.Token);
    }

    RunResult? baseline = null;
    if (!options!.SkipBaseline)
    {
        baseline = await BaselineRun.RunAsync(options.Procedures, cancel.Token);
        Console.WriteLine(baseline);
    }

    if (options.EvidenceCompare)
    {
        return await EvidenceComparison.RunAsync(options, cancel.Token);
    }

    var hub = await HubRun.RunAsync(options, cancel.Token);
    Console.WriteLine(hub);
    if (baseline is not null)
    {
        Console.WriteLine($"RATIO hub/baseline: {hub.Sync.RecordsPerSecond / baseline.RecordsPerSecond:P1} of the baseline's records/s");
    }

    var passed = hub.Sync.Check.Passed && baseline?.Check.Passed != false;
    Console.WriteLine(passed ? "OK: every procedure was written exactly once" : "FAILED: see the exactly-once lines above");
    return passed ? 0 : 1;
}
catch (OperationCanceledException) when (timeout.IsCancellationRequested)
{
    Console.Error.WriteLine($"TIMEOUT: the benchmark did not finish within {timeoutSpan.TotalMinutes} minutes (child processes were stopped).");
    return 3;
}
catch (OperationCanceledException) when (cancel.IsCancellationRequested)
{
    Console.Error.WriteLine("Interrupted (child processes were stopped).");
    return 130;
}
catch (BenchmarkException e)
{
    Console.Error.WriteLine($"FAILED: {e.Message}");
    return 1;
}

void Stop(PosixSignalContext context)
{
    // Let the finally blocks stop the host and its PostgreSQL instead of dying with them still running.
    context.Cancel = true;
    cancel.Cancel();
}
