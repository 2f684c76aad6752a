using System.Text;
using Hangfire.Dashboard;
using Hangfire.Dashboard.Pages;
using IntegrationHub.Contracts.Privacy;
using IntegrationHub.Host.Configuration;
using IntegrationHub.Host.Scheduling;
using IntegrationHub.Host.Storage;
using static IntegrationHub.Contracts.HubHtml;

namespace IntegrationHub.Host.Admin.Dashboard;

/// <summary>Dashboard page: every flow with its state (enabled, running, paused with who, when and why), schedule and
/// next run in local time, the running run's progress (from its row, which grows with each commit), counts (as
/// <c>GET /api/flows</c>), last error, and Run now / Pause / Resume with a reason. <c>?refresh=5</c> reloads it every 5 s.</summary>
public sealed class FlowsPage : RazorPage
{
    public const string Path = "/flows";

    /// <summary>Reloads every 5 s, but never while a reason is being typed (it would be lost).</summary>
    private const string RefreshScript =
        "<script>setInterval(function () { var typing = Array.prototype.some.call(document.querySelectorAll('input.flow-reason'), " +
        "function (i) { return i.value !== '' || i === document.activeElement; }); if (!typing) { location.reload(); } }, 5000);</script>";

    /// <summary>How far back "last error" looks, in runs.</summary>
    private const int ErrorWindow = 50;

    public override void Execute()
    {
        var http = Context.GetHttpContext();
        var services = http.RequestServices;
        var text = DashboardLanguage.TextOf(http);
        var clock = services.GetRequiredService<HubClock>();
        Layout = new LayoutPage(text.FlowsTitle);

        // Razor pages of Hangfire render synchronously; a handful of indexed queries per flow.
        var statuses = services.GetRequiredService<FlowStatusReader>().ReadAllAsync(CancellationToken.None).GetAwaiter().GetResult();
        var runs = services.GetRequiredService<FlowRunStore>();
        var refresh = Query("refresh") == "5";

        var html = new StringBuilder("<div class=\"row\"><div class=\"col-md-12\">");
        FlowHtml.AppendHeader(html, text, Url.To(Path), Query);
        html.Append($"<h1 class=\"page-header\">{E(text.FlowsTitle)}</h1>")
            .Append($"<p>{E(text.Format(text.FlowsIntroFormat, $"{clock.Zone.Id}, {clock.ZoneLabel}"))} ")
            .Append($"<a id=\"activity-link\" href=\"{Url.To(FlowActivityPage.Path)}\">{E(text.ActivityLink)}</a> · ")
            .Append(refresh
                ? $"<a id=\"auto-refresh\" href=\"{Url.To(Path)}\">{E(text.StopRefresh)}</a></p>{RefreshScript}"
                : $"<a id=\"auto-refresh\" href=\"{Url.To(Path)}?refresh=5\">{E(text.AutoRefresh)}</a></p>")
            .Append("<table class=\"table table-striped\" id=\"flows\"><thead><tr>")
            .Append($"<th>{E(text.ColumnFlow)}</th><th>{E(text.ColumnState)}</th><th>{E(text.ColumnSchedule)}</th><th>{E(text.ColumnRun)}</th>")
            .Append($"<th>{E(text.ColumnCounts)}</th><th>{E(text.ColumnLastError)}</th><th style=\"width:220px\">{E(text.ColumnActions)}</th></tr></thead><tbody>");
        foreach (var status in statuses)
        {
            var lastError = runs.LastFailedAsync(status.Flow.Id, ErrorWindow, CancellationToken.None).GetAwaiter().GetResult();
            AppendFlow(html, text, clock, status, lastError);
        }

        foreach (var id in services.GetRequiredService<FlowCatalog>().Options.Where(o => !o.Value.Enabled).Select(o => o.Key))
        {
            html.Append($"<tr class=\"flow\" data-flow=\"{E(id)}\" data-state=\"disabled\"><td><a href=\"{Url.To(Path)}/{Url(id)}\">{E(id)}</a></td>")
                .Append($"<td><span class=\"label label-default\">{E(text.StateDisabled)}</span></td><td colspan=\"5\"></td></tr>");
        }

        html.Append("</tbody></table></div></div>");
        WriteLiteral(html.ToString());
    }

    private void AppendFlow(StringBuilder html, DashboardText text, HubClock clock, FlowStatus status, FlowRun? lastError)
    {
        var flow = status.Flow;
        html.Append($"<tr class=\"flow\" data-flow=\"{E(flow.Id)}\" data-state=\"{status.State}\">")
            .Append($"<td><a class=\"flow-link\" href=\"{Url.To(Path)}/{Url(flow.Id)}\"><b>{E(flow.Id)}</b></a><br /><small>{E(flow.Source.ToString())} → {E(string.Join(", ", flow.Destinations))}</small></td>")
            .Append("<td class=\"flow-state\">");
        FlowHtml.AppendState(html, text, clock, status.State, status.Pause);
        html.Append("</td><td class=\"flow-schedule\">");
        if (FlowCatalog.IsInbound(flow))
        {
            html.Append(E(text.OnPush));
        }
        else
        {
            html.Append($"<code>{E(flow.Schedule)}</code>{(flow.TimeZone == clock.Zone.Id ? string.Empty : $" <small>({E(flow.TimeZone)})</small>")}");
            if (Context.GetHttpContext().RequestServices.GetRequiredService<FlowCatalog>().CalendarOf(flow.Id) is var calendar && calendar != "all-days")
            {
                html.Append($" <small class=\"flow-calendar\">{E(calendar)}</small>");
            }

            if (status.NextRunAt is { } next)
            {
                html.Append($"<br /><small>{E(text.NextRun)}:</small> <span class=\"next-run\">{clock.Format(next)}</span>");
            }
        }

        html.Append("</td><td class=\"flow-last-run\">");
        AppendRun(html, text, clock, status);
        html.Append("</td><td class=\"flow-counts\"><small>");
        var counts = status.Counts;
        foreach (var (name, label, value, always) in new[]
        {
            ("received", text.Received, counts.Received, true), ("delivered", text.Delivered, counts.Delivered, true), ("pending", text.Pending, counts.Pending, true),
            ("failed", text.Failing, counts.Failed, true), ("dead-lettered", text.DeadLettered, counts.DeadLettered, true),
            ("waiting", text.Waiting, counts.Waiting, false), ("skipped", text.Skipped, counts.Skipped, false),
        })
        {
            // The rarer counts only when there is something to say.
            if (always || value > 0)
            {
                html.Append($"<span style=\"display:inline-block;margin-right:10px\">{E(label)}: <b class=\"count-{name}\">{text.Number(value)}</b></span>");
            }
        }

        html.Append("</small></td><td class=\"flow-last-error\">");
        if (lastError is { Error: { } error })
        {
            html.Append($"<small>{clock.Format(lastError.EndedAt ?? lastError.StartedAt)}</small><br /><span class=\"text-danger\">{E(PersonalDataMask.MaskText(error))}</span>");
        }

        html.Append("</td><td class=\"flow-actions\">");
        FlowHtml.AppendActions(html, text, Url.To(FlowActionDispatcher.Path), Context.AntiforgeryToken, flow, status.Pause is not null, "list");
        html.Append("</td></tr>");
    }

    private static void AppendRun(StringBuilder html, DashboardText text, HubClock clock, FlowStatus status)
    {
        if (status.LastRun is not { } run)
        {
            html.Append($"<small>{E(text.NeverRun)}</small>");
            return;
        }

        var running = status.State == FlowState.Running || (status.Pause is not null && run.Status == "running");
        if (running)
        {
            html.Append($"<div class=\"run-progress\" data-run-id=\"{run.Id}\">")
                .Append($"{E(text.RecordsRead)}: <b class=\"records-read\">{text.Number(run.RecordsRead)}</b><br />")
                .Append($"{E(text.MessagesCreated)}: <b class=\"messages-created\">{text.Number(run.MessagesCreated)}</b><br />")
                .Append($"{E(text.Elapsed)}: <span class=\"elapsed\">{HubClock.Duration(clock.Since(run.StartedAt))}</span></div>");
            return;
        }

        html.Append($"<span class=\"label {FlowHtml.RunStatusCss(run.Status)} last-run-status\">{E(text.RunStatus(run.Status))}</span> <small>{clock.Format(run.StartedAt)}")
            .Append(run.EndedAt is { } ended ? $" · {HubClock.Duration(ended - run.StartedAt)}" : string.Empty)
            .Append($"<br />{E(text.RecordsRead)}: {text.Number(run.RecordsRead)} · {E(text.MessagesCreated)}: {text.Number(run.MessagesCreated)}</small>");
    }
}
