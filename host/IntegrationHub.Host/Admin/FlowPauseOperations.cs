using IntegrationHub.Host.Configuration;
using IntegrationHub.Host.Delivery;
using IntegrationHub.Host.Execution;
using IntegrationHub.Host.Storage;

namespace IntegrationHub.Host.Admin;

/// <summary>Pause and resume of a flow, shared by the admin API and the dashboard: a reason is required, the operator
/// is recorded. Resuming sends the held deliveries at once and, if a run was stopped or a scheduled one refused while
/// paused, runs the flow from its checkpoint.</summary>
public sealed class FlowPauseOperations(
    FlowCatalog flows,
    FlowPauseStore pauses,
    FlowRunStore runs,
    FlowRunDispatcher runDispatcher,
    DeliveryDispatcher deliveries,
    TimeProvider timeProvider,
    ILogger<FlowPauseOperations> logger)
{
    public const int MaxReasonLength = 1000;
    public const string ResumeTrigger = "resume";

    /// <summary>Every code <see cref="Refusal"/> answers (400).</summary>
    public static readonly IReadOnlyList<string> RefusalCodes = ["reason_required", "reason_too_long"];

    /// <returns>Null when the reason will do, else a machine-readable code and a message.</returns>
    public static (string Code, string Message)? Refusal(string? reason) =>
        string.IsNullOrWhiteSpace(reason) ? ("reason_required", "A reason is required: it is recorded with the operator's name.")
        : reason.Trim().Length > MaxReasonLength ? ("reason_too_long", $"A reason is at most {MaxReasonLength} characters.")
        : null;

    public async Task<FlowPauseResult> PauseAsync(string flowId, string operatorName, string reason, CancellationToken cancellationToken)
    {
        if (flows.Find(flowId) is null)
        {
            return new FlowPauseResult(FlowPauseOutcome.UnknownFlow, null);
        }

        if (await pauses.PauseAsync(flowId, operatorName, reason.Trim(), timeProvider.GetUtcNow(), cancellationToken) is not { } pause)
        {
            return new FlowPauseResult(FlowPauseOutcome.AlreadyPaused, await pauses.FindAsync(flowId, cancellationToken));
        }

        logger.LogInformation("Flow {FlowId} paused by {Operator} (action {ActionId})", flowId, operatorName, pause.ActionId);
        return new FlowPauseResult(FlowPauseOutcome.Paused, pause);
    }

    public async Task<FlowPauseResult> ResumeAsync(string flowId, string operatorName, string reason, CancellationToken cancellationToken)
    {
        if (flows.Find(flowId) is not { } flow)
        {
            return new FlowPauseResult(FlowPauseOutcome.UnknownFlow, null);
        }

        if (await pauses.ResumeAsync(flowId, operatorName, reason.Trim(), timeProvider.GetUtcNow(), cancellationToken) is not { } lifted)
        {
            return new FlowPauseResult(FlowPauseOutcome.NotPaused, null);
        }

        foreach (var destination in flow.Destinations)
        {
            deliveries.Enqueue(flowId, destination.ToString());
        }

        FlowRunRequest? run = null;
        if (!FlowCatalog.IsInbound(flow) && (lifted.SkippedRuns > 0 || (await runs.LastAsync(flowId, cancellationToken))?.Status == "paused"))
        {
            run = await runDispatcher.RequestRunAsync(flowId, ResumeTrigger, cancellationToken);
        }

        logger.LogInformation("Flow {FlowId} resumed by {Operator} after {SkippedRuns} refused scheduled run(s); run: {Run}", flowId, operatorName, lifted.SkippedRuns, run?.Status.ToString() ?? "none");
        return new FlowPauseResult(FlowPauseOutcome.Resumed, lifted, run);
    }
}
