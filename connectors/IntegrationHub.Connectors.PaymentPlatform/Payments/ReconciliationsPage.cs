using System.Globalization;
using System.Text;
using IntegrationHub.Contracts;
using static IntegrationHub.Contracts.HubHtml;

namespace IntegrationHub.Connectors.PaymentPlatform.Payments;

/// <summary>Dashboard page: payment reconciliations (counts per kind, CSV download), one run's lines with mismatches
/// first, and the latest alerts; labels in the officer's language (<see cref="HubDashboardContext.Text"/>), times local.</summary>
public sealed class ReconciliationsPage(ReconciliationStore store, IHubAlerts alerts) : IHubDashboardPage
{
    public string Path => "/reconciliations";

    public string Title => "Reconciliations";

    public string TitleIn(string language) => language == "en" ? Title : "Đối soát thanh toán";

    public async Task<string> RenderAsync(HubDashboardContext page, CancellationToken cancellationToken)
    {
        var runs = await store.RecentAsync(30, cancellationToken);
        var latest = await alerts.RecentAsync(10, cancellationToken);
        var html = new StringBuilder("<div class=\"row\"><div class=\"col-md-12\">")
            .Append($"<h1 class=\"page-header\">{E(page.Text("Đối soát thanh toán", "Payment reconciliations"))}</h1>")
            .Append($"<p id=\"zone\">{E(page.Text($"Giờ là giờ địa phương ({page.ZoneLabel}).", $"Times are local ({page.ZoneLabel})."))}</p>");
        AppendAlerts(html, latest, page);
        AppendRuns(html, runs, page);
        if (long.TryParse(page.Query("id"), NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            if (await store.FindAsync(id, cancellationToken) is { } report)
            {
                AppendReport(html, report, page);
            }
            else
            {
                html.Append($"<div class=\"alert alert-warning\">{E(page.Text($"Không có lần đối soát #{id}.", $"No reconciliation #{id}."))}</div>");
            }
        }

        html.Append("</div></div>");
        return html.ToString();
    }

    private static void AppendAlerts(StringBuilder html, IReadOnlyList<HubAlert> alerts, HubDashboardContext page)
    {
        if (alerts.Count == 0)
        {
            return;
        }

        html.Append($"<div class=\"panel panel-danger\" id=\"alerts\"><div class=\"panel-heading\">{E(page.Text("Cảnh báo gần nhất", "Latest alerts"))}</div><ul class=\"list-group\">");
        foreach (var alert in alerts)
        {
            html.Append($"<li class=\"list-group-item alert-item\" data-kind=\"{E(alert.Kind)}\">{page.Time(alert.RaisedAt)} · <b>{E(alert.Subject)}</b> — {E(alert.Detail)}</li>");
        }

        html.Append("</ul></div>");
    }

    /// <remarks>The CSV link is relative: the admin API sits beside the dashboard, wherever the app is mounted.</remarks>
    private void AppendRuns(StringBuilder html, IReadOnlyList<ReconciliationSummary> runs, HubDashboardContext page)
    {
        if (runs.Count == 0)
        {
            html.Append($"<div class=\"alert alert-info\" id=\"no-runs\">{E(page.Text(
                "Chưa có lần đối soát nào. Đối soát chạy hằng đêm (Payments:ReconcileSchedule) hoặc khi gọi POST /api/reconciliations/run?day=yyyy-MM-dd.",
                "No reconciliation has run yet. It runs nightly (Payments:ReconcileSchedule) or on POST /api/reconciliations/run?day=yyyy-MM-dd."))}</div>");
            return;
        }

        html.Append("<table class=\"table table-striped\" id=\"runs\"><thead><tr><th>#</th>")
            .Append(Headings(page, ("Ngày", "Day"), ("Chạy lúc", "Run at"), ("Bởi", "By"), ("Khớp", "Matched"), ("Thiếu ở hub", "Missing in hub"),
                ("Thiếu ở nền tảng", "Missing at platform"), ("Lệch số tiền", "Amount differs"), ("Lệch trạng thái", "Status differs")))
            .Append("<th></th></tr></thead><tbody>");
        foreach (var run in runs)
        {
            string Cell(int count) => count == 0 ? "<td>0</td>" : $"<td><span class=\"label label-danger\">{count}</span></td>";
            html.Append($"<tr class=\"run{(run.Mismatches > 0 ? " danger" : string.Empty)}\" data-id=\"{run.Id}\"><td><a href=\"{page.To(Path)}?id={run.Id}\">#{run.Id}</a></td>")
                .Append($"<td>{run.Day:yyyy-MM-dd}</td><td class=\"run-at\">{page.Time(run.StartedAt)}</td><td>{E(run.Trigger)}</td><td>{run.Matched}</td>")
                .Append(Cell(run.MissingInHub)).Append(Cell(run.MissingAtPlatform)).Append(Cell(run.AmountMismatch)).Append(Cell(run.StatusMismatch))
                .Append($"<td><a class=\"csv\" href=\"../api/reconciliations/{run.Id}/csv\">CSV</a></td></tr>");
        }

        html.Append("</tbody></table>");
    }

    /// <summary>A line's dossier links to its messages on the engine's messages page.</summary>
    private static void AppendReport(StringBuilder html, ReconciliationReport report, HubDashboardContext page)
    {
        html.Append($"<h3 id=\"report\">{E(page.Text($"Đối soát #{report.Id} ngày {report.Day:yyyy-MM-dd}: {report.Mismatches} chỗ lệch", $"Reconciliation #{report.Id} of {report.Day:yyyy-MM-dd}: {report.Mismatches} mismatch(es)"))}</h3>")
            .Append("<table class=\"table table-condensed\" id=\"items\"><thead><tr>")
            .Append(Headings(page, ("Loại", "Kind"), ("MaThamChieu", "MaThamChieu"), ("MaHoSo", "MaHoSo"), ("Số tiền ở hub", "Hub amount"), ("Số tiền ở nền tảng", "Platform amount"),
                ("Trạng thái ở hub", "Hub status"), ("Trạng thái ở nền tảng", "Platform status"), ("MaGiaoDich", "MaGiaoDich")))
            .Append("</tr></thead><tbody>");
        foreach (var item in report.Items)
        {
            var dossier = item.MaHoSo is null ? string.Empty : $"<a href=\"{page.To("/messages")}?businessKey={Url(item.MaHoSo)}\">{E(item.MaHoSo)}</a>";
            html.Append($"<tr class=\"item{(item.IsMismatch ? " danger" : string.Empty)}\" data-kind=\"{E(item.Kind)}\"><td>{E(item.Kind)}</td><td>{E(item.MaThamChieu)}</td><td>{dossier}</td>")
                .Append($"<td>{item.HubAmount?.ToString("N0", CultureInfo.InvariantCulture)}</td><td>{item.PlatformAmount?.ToString("N0", CultureInfo.InvariantCulture)}</td>")
                .Append($"<td>{E(item.HubStatus)}</td><td>{E(item.PlatformStatus)}</td><td>{E(item.MaGiaoDich)}</td></tr>");
        }

        html.Append("</tbody></table>");
    }

    private static string Headings(HubDashboardContext page, params (string Vietnamese, string English)[] headings) =>
        string.Concat(headings.Select(h => $"<th>{E(page.Text(h.Vietnamese, h.English))}</th>"));
}
