using Hangfire;
using Hangfire.Server;

namespace IntegrationHub.Host.Execution;

/// <summary>The Hangfire job of one source run. Keyed by flow id; the trigger says who asked (schedule, start, admin).</summary>
public sealed class FlowRunJob(FlowRunner runner)
{
    [JobDisplayName("Flow {0}: read source ({1})")]
    public Task RunAsync(string flowId, string trigger, PerformContext? context, CancellationToken cancellationToken) =>
        runner.RunAsync(flowId, context?.BackgroundJob.Id, trigger, cancellationToken);
}
