using Hangfire;

namespace IntegrationHub.Host.Delivery;

/// <summary>The Hangfire job that drains a flow's pending messages to one destination.</summary>
public sealed class DeliveryJob(DeliveryRunner runner)
{
    [JobDisplayName("Flow {0}: deliver to {1}")]
    public Task RunAsync(string flowId, string destination, CancellationToken cancellationToken) =>
        runner.RunAsync(flowId, destination, cancellationToken);

    [JobDisplayName("Flow {0}: deliver to {1} what a maintenance window held")]
    public Task ResumeAsync(string flowId, string destination, CancellationToken cancellationToken) =>
        runner.ResumeAsync(flowId, destination, cancellationToken);
}
