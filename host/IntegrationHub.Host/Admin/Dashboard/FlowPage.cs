using System.Text;
using Hangfire.Dashboard;
using Hangfire.Dashboard.Pages;
using IntegrationHub.Contracts.Privacy;
using IntegrationHub.Host.Configuration;
using IntegrationHub.Host.Scheduling;
using IntegrationHub.Host.Storage;
using static IntegrationHub.Contracts.HubHtml;

namespace IntegrationHub.Host.Admin.Dashboard;

/// <summary>Dashboard page of one flow: its state and actions, and its run history (start in local time, duration,
/// who started it, records read and filtered, messages created, outcome, error); <c>?limit=</c> up to 500 runs.</summary>
public sealed class FlowPage(string flowId) : RazorPage
{
    /// <summary>Hangfire matches routes as whole-path regular expressions; the id is a config key (no slash).</summary>
    public const string Route = FlowsPage.Path + "/(?<flowId>[^/]+)";

    public override void Execute()
    {
        var http = Context.GetHttpContext();
        var services = http.RequestServices;
        var text = DashboardLanguage.TextOf(http);
        var clock = services.GetRequiredService<HubClock>();
        var id = Uri.UnescapeDataString(flowId);
        Layout = new LayoutPage(text.Format(text.FlowTitleFormat, id));
        var html = new StringBuilder("<div class=\"row\"><div class=\"col-md-12\">");
        FlowHtml.AppendHeader(html, text, Url.To($"{FlowsPage.Path}/{Url(id)}"), Query);
        html.Append($"<p><a id=\"all-flows\" href=\"{Url.To(FlowsPage.Path)}\">{E(text.AllFlows)}</a></p>")
            .Append($"<h1 class=\"page-header\">{E(text.Format(text.FlowTitleFormat, id))}</h1>");

        var catalog = services.GetRequiredService<FlowCatalog>();
        if (!catalog.Options.TryGetValue(id, out var options))
        {
            Context.Response.StatusCode = StatusCodes.Status404NotFound;
            html.Append($"<div class=\"alert alert-warning\" id=\"unknown-flow\">{E(text.Format(text.UnknownFlowFormat, id))}</div></div></div>");
            WriteLiteral(html.ToString());
            return;
        }

        // Razor pages of Hangfire render synchronously; two small indexed queries and the flow's status.
        var status = services.GetRequiredService<FlowStatusReader>().ReadAsync(id, CancellationToken.None).GetAwaiter().GetResult();
        if (status is null)
        {
            html.Append($"<p><span class=\"label label-default\" id=\"flow-state\">{E(text.StateDisabled)}</span> {E(options.Source)} → {E(string.Join(", ", options.Destinations))}</p>");
        }
        else
        {
            html.Append($"<div class=\"row\" id=\"flow-summary\" data-state=\"{status.State}\"><div class=\"col-md-8\"><p>{E(status.Flow.Source.ToString())} → {E(string.Join(", ", status.Flow.Destinations))}</p><div class=\"flow-state\">");
            FlowHtml.AppendState(html, text, clock, status.State, status.Pause);
            html.Append("</div>");
            if (status.NextRunAt is { } next)
            {
                html.Append($"<p><code>{E(status.Flow.Schedule)}</code> · {E(text.NextRun)}: <span class=\"next-run\">{clock.Format(next)}</span></p>");
            }

            html.Append("</div><div class=\"col-md-4 flow-actions\">");
            FlowHtml.AppendActions(html, text, Url.To(FlowActionDispatcher.Path), Context.AntiforgeryToken, status.Flow, status.Pause is not null, "flow");
            html.Append("</div></div>");
        }

        var limit = int.TryParse(Query("limit"), out var asked) ? Math.Clamp(asked, 1, 500) : 50;
        var history = services.GetRequiredService<FlowRunStore>().HistoryAsync(id, limit, CancellationToken.None).GetAwaiter().GetResult();
        AppendHistory(html, text, clock, history);
        html.Append("</div></div>");
        WriteLiteral(html.ToString());
    }

    private static void AppendHistory(StringBuilder html, DashboardText text, HubClock clock, IReadOnlyList<FlowRun> history)
    {
        html.Append($"<h3>{E(text.RunHistory)}</h3>");
        if (history.Count == 0)
        {
            html.Append($"<p id=\"no-runs\">{E(text.NoRuns)}</p>");
            return;
        }

        html.Append("<table class=\"table table-striped table-condensed\" id=\"runs\"><thead><tr>")
            .Append($"<th>#</th><th>{E(text.Started)} ({clock.ZoneLabel})</th><th>{E(text.Duration)}</th><th>{E(text.Trigger)}</th>")
            .Append($"<th>{E(text.RecordsRead)}</th><th>{E(text.RecordsFiltered)}</th><th>{E(text.MessagesCreated)}</th><th>{E(text.Outcome)}</th><th>{E(text.Error)}</th></tr></thead><tbody>");
        foreach (var run in history)
        {
            html.Append($"<tr class=\"run\" data-run-id=\"{run.Id}\" data-status=\"{E(run.Status)}\"><td>{run.Id}</td><td class=\"run-start\">{clock.Format(run.StartedAt)}</td>")
                .Append($"<td class=\"run-duration\">{HubClock.Duration((run.EndedAt ?? clock.Now) - run.StartedAt)}</td><td>{E(text.RunTrigger(run.Trigger))}{BackfillNote(run, clock)}</td>")
                .Append($"<td class=\"run-records-read\">{text.Number(run.RecordsRead)}</td><td>{text.Number(run.RecordsFiltered)}</td><td class=\"run-messages-created\">{text.Number(run.MessagesCreated)}</td>")
                .Append($"<td><span class=\"label {FlowHtml.RunStatusCss(run.Status)} run-outcome\">{E(text.RunStatus(run.Status))}</span></td>")
                .Append($"<td class=\"run-error\">{E(PersonalDataMask.MaskText(run.Error))}</td></tr>");
        }

        html.Append("</tbody></table>");
    }

    /// <summary>A backfill's reason and end under its trigger: why the flow was read again.</summary>
    private static string BackfillNote(FlowRun run, HubClock clock) => run.Backfill is { } backfill
        ? $"<br /><small class=\"run-backfill\">{E(backfill.Reason)}{(backfill.To is { } to ? $" (→ {clock.Format(to)})" : string.Empty)}</small>"
        : string.Empty;
}
