using System.Globalization;
using System.Text;
using Hangfire.Dashboard;
using Hangfire.Dashboard.Pages;
using IntegrationHub.Host.Observability;
using IntegrationHub.Host.Payments;
using static IntegrationHub.Contracts.HubHtml;

namespace IntegrationHub.Host.Admin.Dashboard;

/// <summary>Dashboard page: payment reconciliations (counts per kind, CSV download), one run's lines with mismatches
/// first, and the latest alerts.</summary>
public sealed class ReconciliationsPage : RazorPage
{
    public const string Path = "/reconciliations";

    public override void Execute()
    {
        Layout = new LayoutPage("Reconciliations");
        var services = Context.GetHttpContext().RequestServices;
        var store = services.GetRequiredService<ReconciliationStore>();

        // Hangfire's Razor pages render synchronously; these are small indexed reads.
        var runs = store.RecentAsync(30, CancellationToken.None).GetAwaiter().GetResult();
        var alerts = services.GetRequiredService<AlertStore>().RecentAsync(10, CancellationToken.None).GetAwaiter().GetResult();
        var html = new StringBuilder("<div class=\"row\"><div class=\"col-md-12\"><h1 class=\"page-header\">Payment reconciliations</h1>");
        AppendAlerts(html, alerts);
        AppendRuns(html, runs);
        if (long.TryParse(Query("id"), NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            if (store.FindAsync(id, CancellationToken.None).GetAwaiter().GetResult() is { } report)
            {
                AppendReport(html, report);
            }
            else
            {
                html.Append($"<div class=\"alert alert-warning\">No reconciliation #{id}.</div>");
            }
        }

        html.Append("</div></div>");
        WriteLiteral(html.ToString());
    }

    private static void AppendAlerts(StringBuilder html, IReadOnlyList<Alert> alerts)
    {
        if (alerts.Count == 0)
        {
            return;
        }

        html.Append("<div class=\"panel panel-danger\" id=\"alerts\"><div class=\"panel-heading\">Latest alerts</div><ul class=\"list-group\">");
        foreach (var alert in alerts)
        {
            html.Append($"<li class=\"list-group-item alert-item\" data-kind=\"{E(alert.Kind)}\">{Time(alert.RaisedAt)} · <b>{E(alert.Subject)}</b> — {E(alert.Detail)}</li>");
        }

        html.Append("</ul></div>");
    }

    /// <remarks>The CSV link is relative: the admin API sits beside the dashboard, wherever the app is mounted.</remarks>
    private void AppendRuns(StringBuilder html, IReadOnlyList<ReconciliationSummary> runs)
    {
        if (runs.Count == 0)
        {
            html.Append("<div class=\"alert alert-info\" id=\"no-runs\">No reconciliation has run yet. It runs nightly (Payments:ReconcileSchedule) or on POST /api/reconciliations/run?day=yyyy-MM-dd.</div>");
            return;
        }

        html.Append("<table class=\"table table-striped\" id=\"runs\"><thead><tr><th>#</th><th>Day</th><th>Run at (ICT)</th><th>By</th><th>Matched</th>")
            .Append("<th>Missing in hub</th><th>Missing at platform</th><th>Amount differs</th><th>Status differs</th><th></th></tr></thead><tbody>");
        foreach (var run in runs)
        {
            string Cell(int count) => count == 0 ? "<td>0</td>" : $"<td><span class=\"label label-danger\">{count}</span></td>";
            html.Append($"<tr class=\"run{(run.Mismatches > 0 ? " danger" : string.Empty)}\" data-id=\"{run.Id}\"><td><a href=\"{Url.To(Path)}?id={run.Id}\">#{run.Id}</a></td>")
                .Append($"<td>{run.Day:yyyy-MM-dd}</td><td>{Time(run.StartedAt)}</td><td>{E(run.Trigger)}</td><td>{run.Matched}</td>")
                .Append(Cell(run.MissingInHub)).Append(Cell(run.MissingAtPlatform)).Append(Cell(run.AmountMismatch)).Append(Cell(run.StatusMismatch))
                .Append($"<td><a class=\"csv\" href=\"../api/reconciliations/{run.Id}/csv\">CSV</a></td></tr>");
        }

        html.Append("</tbody></table>");
    }

    private static void AppendReport(StringBuilder html, ReconciliationReport report)
    {
        html.Append($"<h3 id=\"report\">Reconciliation #{report.Id} of {report.Day:yyyy-MM-dd}: {report.Mismatches} mismatch(es)</h3>")
            .Append("<table class=\"table table-condensed\" id=\"items\"><thead><tr><th>Kind</th><th>MaThamChieu</th><th>MaHoSo</th><th>Hub amount</th><th>Platform amount</th><th>Hub status</th><th>Platform status</th><th>MaGiaoDich</th></tr></thead><tbody>");
        foreach (var item in report.Items)
        {
            html.Append($"<tr class=\"item{(item.IsMismatch ? " danger" : string.Empty)}\" data-kind=\"{E(item.Kind)}\"><td>{E(item.Kind)}</td><td>{E(item.MaThamChieu)}</td><td>{E(item.MaHoSo)}</td>")
                .Append($"<td>{item.HubAmount?.ToString("N0", CultureInfo.InvariantCulture)}</td><td>{item.PlatformAmount?.ToString("N0", CultureInfo.InvariantCulture)}</td>")
                .Append($"<td>{E(item.HubStatus)}</td><td>{E(item.PlatformStatus)}</td><td>{E(item.MaGiaoDich)}</td></tr>");
        }

        html.Append("</tbody></table>");
    }
}
