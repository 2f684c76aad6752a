using System.Text;
using IntegrationHub.Contracts;
using IntegrationHub.Host.Scheduling;
using IntegrationHub.Host.Storage;
using static IntegrationHub.Contracts.HubHtml;

namespace IntegrationHub.Host.Admin.Dashboard;

/// <summary>Pieces the Flows page and a flow's page share: the state label with its pause, the language switch, notices,
/// and the run / pause / resume form.</summary>
public static class FlowHtml
{
    public static void AppendState(StringBuilder html, DashboardText text, HubClock clock, string state, FlowPause? pause)
    {
        var (label, css) = state switch
        {
            FlowState.Paused => (text.StatePaused, "label-warning"),
            FlowState.Running => (text.StateRunning, "label-info"),
            _ => (text.StateEnabled, "label-success"),
        };
        html.Append($"<span class=\"label {css} flow-state-label\">{E(label)}</span>");
        if (pause is not null)
        {
            html.Append($"<div class=\"pause-reason\"><b>{E(text.Reason)}:</b> {E(pause.Reason)}</div>")
                .Append($"<div class=\"paused-by\"><small>{E(text.Format(text.PausedByFormat, pause.PausedBy, clock.Format(pause.PausedAt)))}</small></div>");
            if (pause.SkippedRuns > 0)
            {
                html.Append($"<div class=\"skipped-runs\"><small>{E(text.Format(text.SkippedRunsFormat, pause.SkippedRuns))}</small></div>");
            }
        }
    }

    /// <summary>The link to the other language, and the page's success or error notice after a form post.</summary>
    public static void AppendHeader(StringBuilder html, DashboardText text, string pagePath, Func<string, string?> query)
    {
        html.Append($"<p class=\"pull-right\"><a id=\"language-switch\" href=\"{pagePath}?{DashboardLanguage.QueryName}={text.OtherLanguageCode}\">{E(text.OtherLanguage)}</a></p>");
        foreach (var (name, css) in new[] { ("error", "alert-danger"), ("done", "alert-success") })
        {
            if (query(name) is { Length: > 0 } notice)
            {
                html.Append($"<div class=\"alert {css}\" id=\"action-{name}\">{E(notice)}</div>");
            }
        }
    }

    /// <summary>Run now (scheduled flows not paused), Pause or Resume with the reason recorded; posted with the
    /// dashboard's antiforgery token like its other forms.</summary>
    public static void AppendActions(StringBuilder html, DashboardText text, string actionUrl, string antiforgeryToken, FlowDefinition flow, bool paused, string back)
    {
        var id = E(flow.Id);
        html.Append($"<form method=\"post\" action=\"{actionUrl}\" class=\"flow-action-form\" data-flow=\"{id}\">")
            .Append($"<input type=\"hidden\" name=\"__RequestVerificationToken\" value=\"{E(antiforgeryToken)}\" />")
            .Append($"<input type=\"hidden\" name=\"flow\" value=\"{id}\" /><input type=\"hidden\" name=\"back\" value=\"{E(back)}\" />")
            .Append($"<input name=\"reason\" class=\"form-control input-sm flow-reason\" maxlength=\"{FlowPauseOperations.MaxReasonLength}\" placeholder=\"{E(text.ReasonPlaceholder)}\" style=\"margin-bottom:4px\" />");
        if (!paused && !Configuration.FlowCatalog.IsInbound(flow))
        {
            html.Append($"<button type=\"submit\" name=\"action\" value=\"run\" class=\"btn btn-sm btn-default flow-run\">{E(text.RunNow)}</button> ");
        }

        html.Append(paused
            ? $"<button type=\"submit\" name=\"action\" value=\"resume\" class=\"btn btn-sm btn-primary flow-resume\">{E(text.Resume)}</button>"
            : $"<button type=\"submit\" name=\"action\" value=\"pause\" class=\"btn btn-sm btn-warning flow-pause\">{E(text.Pause)}</button>");
        html.Append("</form>");
    }

    public static string RunStatusCss(string status) => status switch
    {
        "succeeded" => "label-success",
        "failed" or "abandoned" => "label-danger",
        "running" => "label-info",
        "paused" or "cancelled" or Storage.BackfillStore.WaitingStatus => "label-warning",
        _ => "label-default",
    };
}
