using System.Globalization;
using System.Text;
using Hangfire.Dashboard;
using Hangfire.Dashboard.Pages;
using IntegrationHub.Host.Calendar;
using IntegrationHub.Host.Scheduling;
using IntegrationHub.Host.Sla;
using static IntegrationHub.Contracts.HubHtml;

namespace IntegrationHub.Host.Admin.Dashboard;

/// <summary>The SLA page (<c>/sla?flow=&amp;month=yyyy-MM</c>): per SLA of a flow (a flow may have several), the share on time per month of the
/// year up to the month shown (this month by default) and per day of that month, with a CSV link to the same figures
/// (<c>GET /api/sla</c>). Figures come from <see cref="SlaEvaluator"/>, bounded by that range. The SLA is described in
/// the page's language; in Vietnamese with the English (the API's and the alerts' wording) after it.</summary>
public sealed class SlaPage : RazorPage
{
    public const string Path = "/sla";

    public override void Execute()
    {
        var http = Context.GetHttpContext();
        var services = http.RequestServices;
        var text = DashboardLanguage.TextOf(http);
        var clock = services.GetRequiredService<HubClock>();
        var slas = services.GetRequiredService<FlowSlas>();
        var today = services.GetRequiredService<WorkingCalendars>().Today;
        Layout = new LayoutPage(text.SlaTitle);

        var month = DateOnly.TryParseExact(Query("month") + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var asked)
            && WorkingCalendars.IsSupportedYear(asked.Year) ? asked : new DateOnly(today.Year, today.Month, 1);
        var from = new DateOnly(month.Year, 1, 1);
        var last = month.AddMonths(1).AddDays(-1);
        var to = last > today && today >= from ? today : last;
        var selected = slas.All.Where(s => Query("flow") is not { Length: > 0 } flow || s.FlowId == flow).OrderBy(s => s.FlowId, StringComparer.Ordinal).ToList();

        var html = new StringBuilder("<div class=\"row\"><div class=\"col-md-12\">");
        FlowHtml.AppendHeader(html, text, Url.To(Path), Query);
        html.Append($"<h1 class=\"page-header\">{E(text.SlaTitle)}</h1>")
            .Append($"<p>{E(text.Format(text.SlaIntroFormat, $"{clock.Zone.Id}, {clock.ZoneLabel}"))}</p>");
        if (selected.Count == 0)
        {
            html.Append($"<p id=\"sla-none\">{E(text.SlaNone)}</p>");
        }
        else
        {
            var report = services.GetRequiredService<SlaEvaluator>().ReportAsync(selected, from, to, CancellationToken.None).GetAwaiter().GetResult();
            var monthKey = month.ToString("yyyy-MM", CultureInfo.InvariantCulture);
            foreach (var flow in report.Flows)
            {
                var csv = $"/api/sla?flow={Uri.EscapeDataString(flow.FlowId)}&from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}&format=csv";
                var description = text.Language == "vi"
                    ? $"<span class=\"sla-description\">{E(flow.DescriptionVi)}</span> <span class=\"sla-description-en\" lang=\"en\">({E(flow.Description)})</span>"
                    : $"<span class=\"sla-description\">{E(flow.Description)}</span>";
                html.Append($"<div class=\"sla-flow\" data-flow=\"{E(flow.FlowId)}\" data-kind=\"{E(flow.Kind)}\" data-target=\"{E(flow.Target)}\">")
                    .Append($"<h2><a href=\"{Url.To(FlowsPage.Path)}/{Url(flow.FlowId)}\">{E(flow.FlowId)}</a> <small>{description} ({E(flow.Calendar)})</small></h2>")
                    .Append($"<p><a class=\"btn btn-sm btn-default sla-csv\" href=\"{E(csv)}\">{E(text.SlaCsv)}</a></p>")
                    .Append($"<h3>{E(text.Format(text.SlaMonthsFormat, month.Year))}</h3>");
                AppendTable(html, text, "sla-months", flow.Months, period => $"{Url.To(Path)}?month={period}");
                html.Append($"<h3>{E(text.Format(text.SlaDaysFormat, monthKey))}</h3>");
                AppendTable(html, text, "sla-days", flow.Days.Where(d => d.Period.StartsWith(monthKey, StringComparison.Ordinal)).ToList(), null);
                html.Append("</div>");
            }
        }

        html.Append("</div></div>");
        WriteLiteral(html.ToString());
    }

    /// <param name="link">Where a period's cell leads (a month to its days); null: no link.</param>
    private static void AppendTable(StringBuilder html, DashboardText text, string css, IReadOnlyList<SlaFigures> rows, Func<string, string>? link)
    {
        html.Append($"<table class=\"table table-striped table-condensed {css}\"><thead><tr>")
            .Append($"<th>{E(text.ColumnPeriod)}</th><th>{E(text.ColumnDue)}</th><th>{E(text.ColumnOnTime)}</th><th>{E(text.ColumnLate)}</th>")
            .Append($"<th>{E(text.ColumnOpenPastDeadline)}</th><th>{E(text.ColumnNotYetDue)}</th><th>{E(text.ColumnShareOnTime)}</th></tr></thead><tbody>");
        foreach (var row in rows)
        {
            var share = row.ShareOnTime is { } value ? value.ToString("P1", text.Culture) : "–";
            var warn = row.OpenPastDeadline + row.Late > 0 ? " class=\"warning\"" : "";
            html.Append($"<tr{warn} data-period=\"{row.Period}\"><td>{(link is null ? row.Period : $"<a href=\"{link(row.Period)}\">{row.Period}</a>")}</td><td class=\"due\">{text.Number(row.Due)}</td><td class=\"on-time\">{text.Number(row.OnTime)}</td>")
                .Append($"<td class=\"late\">{text.Number(row.Late)}</td><td class=\"open\">{text.Number(row.OpenPastDeadline)}</td>")
                .Append($"<td class=\"not-yet-due\">{text.Number(row.NotYetDue)}</td><td class=\"share\">{E(share)}</td></tr>");
        }

        html.Append("</tbody></table>");
    }
}
