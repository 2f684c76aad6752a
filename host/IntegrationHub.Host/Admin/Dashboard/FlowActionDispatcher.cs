using IntegrationHub.Contracts;
using IntegrationHub.Contracts.Text;
using IntegrationHub.Host.Execution;

namespace IntegrationHub.Host.Admin.Dashboard;

/// <summary>The Flows pages' POST: run now, pause or resume a flow (the same operations as the admin API, the operator
/// recorded), then back to the page it came from with the outcome in the user's language.</summary>
public sealed class FlowActionDispatcher : FormPostDispatcher
{
    /// <summary>Not under <see cref="FlowsPage.Path"/>: <c>/flows/{id}</c> is a flow's page.</summary>
    public const string Path = "/flow-actions";

    protected override async Task HandleAsync(HttpContext http, IFormCollection form)
    {
        var text = DashboardLanguage.TextOf(http);
        var flowId = StorableText.Sanitize(form["flow"].FirstOrDefault()) ?? string.Empty;
        var reason = StorableText.Sanitize(form["reason"].FirstOrDefault());
        var action = form["action"].FirstOrDefault();
        var back = form["back"].FirstOrDefault() == "flow" && flowId.Length > 0
            ? $"{http.Request.PathBase}{FlowsPage.Path}/{Uri.EscapeDataString(flowId)}"
            : $"{http.Request.PathBase}{FlowsPage.Path}";

        var (ok, message) = action switch
        {
            "run" => await RunAsync(http, text, flowId),
            "pause" or "resume" => await PauseOrResumeAsync(http, text, flowId, reason, pause: action == "pause"),
            _ => (false, text.Format(text.UnknownFlowFormat, flowId)),
        };
        http.Response.Redirect($"{back}?{(ok ? "done" : "error")}={Uri.EscapeDataString(message)}");
    }

    private static async Task<(bool Ok, string Message)> RunAsync(HttpContext http, DashboardText text, string flowId)
    {
        var request = await http.RequestServices.GetRequiredService<FlowRunDispatcher>().RequestRunAsync(flowId, FlowRunDispatcher.OfficerTrigger(OperatorName.Of(http)), http.RequestAborted);
        return request.Status switch
        {
            FlowRunRequestStatus.Enqueued => (true, text.Format(text.RunStartedFormat, flowId, request.JobId)),
            FlowRunRequestStatus.AlreadyRunning => (false, text.Format(text.FlowRunningFormat, flowId, request.JobId)),
            FlowRunRequestStatus.Inbound => (false, text.Format(text.FlowIsInboundFormat, flowId)),
            FlowRunRequestStatus.Paused => (false, text.Format(text.FlowPausedFormat, flowId)),
            _ => (false, text.Format(text.UnknownFlowFormat, flowId)),
        };
    }

    private static async Task<(bool Ok, string Message)> PauseOrResumeAsync(HttpContext http, DashboardText text, string flowId, string? reason, bool pause)
    {
        if (FlowPauseOperations.Refusal(reason) is { } refusal)
        {
            return (false, refusal.Code == "reason_required" ? text.ReasonRequired : text.Format(text.ReasonTooLongFormat, FlowPauseOperations.MaxReasonLength));
        }

        var operations = http.RequestServices.GetRequiredService<FlowPauseOperations>();
        var operatorName = OperatorName.Of(http);
        var result = pause
            ? await operations.PauseAsync(flowId, operatorName, reason!, http.RequestAborted)
            : await operations.ResumeAsync(flowId, operatorName, reason!, http.RequestAborted);
        return result.Outcome switch
        {
            FlowPauseOutcome.Paused => (true, text.Format(text.PausedFormat, flowId, result.Pause!.ActionId, operatorName)),
            FlowPauseOutcome.Resumed => (true, text.Format(text.ResumedFormat, flowId, operatorName)
                + (result.Run is { Status: FlowRunRequestStatus.Enqueued } run ? text.Format(text.ResumedRunFormat, run.JobId) : string.Empty)),
            FlowPauseOutcome.AlreadyPaused => (false, text.Format(text.AlreadyPausedFormat, flowId)),
            FlowPauseOutcome.NotPaused => (false, text.Format(text.NotPausedFormat, flowId)),
            _ => (false, text.Format(text.UnknownFlowFormat, flowId)),
        };
    }
}
