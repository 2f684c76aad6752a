using System.Globalization;
using System.Text;
using System.Text.Json;
using Hangfire.Dashboard;
using Hangfire.Dashboard.Pages;
using IntegrationHub.Host.Configuration;
using IntegrationHub.Host.Scheduling;
using IntegrationHub.Host.Storage;
using static IntegrationHub.Contracts.HubHtml;

namespace IntegrationHub.Host.Admin.Dashboard;

/// <summary>Dashboard overview: throughput (deliveries delivered) and failures (failed attempts, dead letters) of every
/// flow per hour over the last 24 hours or 7 days, drawn with the Chart.js Hangfire already ships, and the window's
/// totals per flow. Read from the hourly counters kept as messages move (<see cref="FlowActivityStore"/>), never from
/// the history, so it costs the same on a hub with years of messages.</summary>
public sealed class FlowActivityPage : RazorPage
{
    public const string Path = "/activity";

    // Hangfire's layout loads its script bundle (jQuery, Chart.js 2.9) at the end of the body: draw once it is there.
    private const string ChartScript = """
        <script>
        document.addEventListener('DOMContentLoaded', function () {
          var data = JSON.parse(document.getElementById('activity-data').textContent);
          var colours = ['#337ab7', '#5cb85c', '#f0ad4e', '#d9534f', '#5bc0de', '#8e44ad', '#16a085', '#7f8c8d', '#c0392b', '#2c3e50', '#d35400', '#27ae60'];
          function draw(id, pick) {
            var sets = data.flows.map(function (f, i) {
              return { label: f.flow, data: f.buckets.map(pick), backgroundColor: colours[i % colours.length], borderColor: colours[i % colours.length], fill: false, lineTension: 0, pointRadius: 0, borderWidth: 2 };
            }).filter(function (s) { return s.data.some(function (v) { return v > 0; }); });
            return new Chart(document.getElementById(id).getContext('2d'), {
              type: 'line', data: { labels: data.labels, datasets: sets },
              options: { animation: false, responsive: true, maintainAspectRatio: false, legend: { position: 'bottom' },
                scales: { yAxes: [{ ticks: { beginAtZero: true, precision: 0 } }], xAxes: [{ ticks: { maxTicksLimit: 12 } }] } }
            });
          }
          window.hubCharts = [
            draw('throughput-chart', function (b) { return b.delivered; }),
            draw('failures-chart', function (b) { return b.failedAttempts + b.deadLettered; })
          ];
        });
        </script>
        """;

    public override void Execute()
    {
        var http = Context.GetHttpContext();
        var services = http.RequestServices;
        var text = DashboardLanguage.TextOf(http);
        var clock = services.GetRequiredService<HubClock>();
        Layout = new LayoutPage(text.ActivityTitle);

        var window = FlowActivityWindow.Find(Query("window")) ?? FlowActivityWindow.Day;
        var flows = services.GetRequiredService<FlowCatalog>().Flows.Select(f => f.Id).ToList();
        var activity = services.GetRequiredService<FlowActivityStore>().ReadAsync(flows, window, CancellationToken.None).GetAwaiter().GetResult();

        var html = new StringBuilder("<div class=\"row\"><div class=\"col-md-12\">");
        FlowHtml.AppendHeader(html, text, Url.To(Path), Query);
        html.Append($"<h1 class=\"page-header\">{E(text.ActivityTitle)}</h1>")
            .Append($"<p>{E(text.Format(text.ActivityIntroFormat, $"{clock.Zone.Id}, {clock.ZoneLabel}"))}</p>")
            .Append("<div class=\"btn-group\" style=\"margin-bottom:15px\">");
        foreach (var (name, label) in new[] { (FlowActivityWindow.Day.Name, text.Last24Hours), (FlowActivityWindow.Week.Name, text.Last7Days) })
        {
            html.Append($"<a class=\"btn btn-sm {(name == window.Name ? "btn-primary active" : "btn-default")} window-{name}\" href=\"{Url.To(Path)}?window={name}\">{E(label)}</a>");
        }

        html.Append("</div>")
            .Append($"<h3>{E(text.Throughput)}</h3><div style=\"position:relative;height:280px\"><canvas id=\"throughput-chart\"></canvas></div>")
            .Append($"<h3>{E(text.FailuresPerHour)}</h3><div style=\"position:relative;height:220px\"><canvas id=\"failures-chart\"></canvas></div>")
            .Append($"<h3>{E(text.Format(text.TotalsFormat, window.Name == FlowActivityWindow.Day.Name ? text.Last24Hours : text.Last7Days))}</h3>")
            .Append("<table class=\"table table-striped\" id=\"activity-totals\"><thead><tr>")
            .Append($"<th>{E(text.ColumnFlow)}</th><th>{E(text.Received)}</th><th>{E(text.Delivered)}</th><th>{E(text.FailedAttempts)}</th><th>{E(text.DeadLettered)}</th><th>{E(text.Skipped)}</th></tr></thead><tbody>");
        foreach (var series in activity.Flows)
        {
            long Sum(Func<FlowActivityBucket, long> pick) => series.Buckets.Sum(pick);
            html.Append($"<tr class=\"activity\" data-flow=\"{E(series.FlowId)}\"><td><a href=\"{Url.To(FlowsPage.Path)}/{Url(series.FlowId)}\">{E(series.FlowId)}</a></td>")
                .Append($"<td class=\"received\">{text.Number(Sum(b => b.Received))}</td><td class=\"delivered\">{text.Number(Sum(b => b.Delivered))}</td>")
                .Append($"<td class=\"failed-attempts\">{text.Number(Sum(b => b.FailedAttempts))}</td><td class=\"dead-lettered\">{text.Number(Sum(b => b.DeadLettered))}</td>")
                .Append($"<td class=\"skipped\">{text.Number(Sum(b => b.Skipped))}</td></tr>");
        }

        html.Append("</tbody></table></div></div>")
            .Append("<script type=\"application/json\" id=\"activity-data\">").Append(ChartData(activity, window, clock)).Append("</script>")
            .Append(ChartScript);
        WriteLiteral(html.ToString());
    }

    /// <summary>Hour labels in local time; JSON with '&lt;' escaped, so no flow id can close the script element.</summary>
    private static string ChartData(FlowActivity activity, FlowActivityWindow window, HubClock clock)
    {
        var format = window == FlowActivityWindow.Day ? "HH:00" : "dd/MM HH:00";
        var hours = activity.Flows.FirstOrDefault()?.Buckets.Select(b => b.Hour).ToList() ?? [];
        var data = new
        {
            labels = hours.Select(h => clock.ToLocal(h).ToString(format, CultureInfo.InvariantCulture)),
            flows = activity.Flows.Select(f => new
            {
                flow = f.FlowId,
                buckets = f.Buckets.Select(b => new { delivered = b.Delivered, failedAttempts = b.FailedAttempts, deadLettered = b.DeadLettered }),
            }),
        };
        return JsonSerializer.Serialize(data, new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Default });
    }
}
