using System.Text;
using Hangfire.Dashboard;
using Hangfire.Dashboard.Pages;
using IntegrationHub.Host.Connectivity;
using IntegrationHub.Host.Scheduling;
using static IntegrationHub.Contracts.HubHtml;

namespace IntegrationHub.Host.Admin.Dashboard;

/// <summary>Dashboard page: every registered connector with its version, streams, the flows using it, its circuit, its
/// calls and failures over the last hour with latency p50/p99 (this hub process's), its latest connectivity check, and
/// Check now for operators. The data of <c>GET /api/connectors</c>.</summary>
public sealed class ConnectorsPage : RazorPage
{
    public const string Path = "/connectors";

    public override void Execute()
    {
        var http = Context.GetHttpContext();
        var services = http.RequestServices;
        var text = DashboardLanguage.TextOf(http);
        var clock = services.GetRequiredService<HubClock>();
        Layout = new LayoutPage(text.ConnectorsTitle);

        // Hangfire's Razor pages render synchronously; one small query (the latest checks).
        var connectors = services.GetRequiredService<ConnectorSummaries>().AllAsync(CancellationToken.None).GetAwaiter().GetResult();

        var html = new StringBuilder("<div class=\"row\"><div class=\"col-md-12\">");
        FlowHtml.AppendHeader(html, text, Url.To(Path), Query);
        html.Append($"<h1 class=\"page-header\">{E(text.ConnectorsTitle)}</h1>")
            .Append($"<p>{E(text.Format(text.ConnectorsIntroFormat, $"{clock.Zone.Id}, {clock.ZoneLabel}"))}</p>")
            .Append("<table class=\"table table-striped\" id=\"connectors\"><thead><tr>")
            .Append($"<th>{E(text.ColumnConnector)}</th><th>{E(text.ColumnVersion)}</th><th>{E(text.ColumnStreams)}</th><th>{E(text.ColumnFlows)}</th>")
            .Append($"<th>{E(text.ColumnCircuit)}</th><th>{E(text.ColumnCallsLastHour)}</th><th>{E(text.ColumnLatency)}</th><th>{E(text.ColumnLastCheck)}</th>")
            .Append(Context.IsReadOnly ? string.Empty : $"<th>{E(text.ColumnActions)}</th>")
            .Append("</tr></thead><tbody>");
        foreach (var connector in connectors)
        {
            AppendConnector(html, text, clock, connector);
        }

        html.Append("</tbody></table></div></div>");
        WriteLiteral(html.ToString());
    }

    private void AppendConnector(StringBuilder html, DashboardText text, HubClock clock, ConnectorSummary connector)
    {
        html.Append($"<tr class=\"connector\" data-connector=\"{E(connector.Id)}\">")
            .Append($"<td><a class=\"connector-link\" href=\"{Url.To(Path)}/{Url(connector.Id)}\"><b>{E(connector.Id)}</b></a></td>")
            .Append($"<td class=\"connector-version\">{E(connector.Version)}</td><td class=\"connector-streams\">{text.Number(connector.Streams.Count)}</td>")
            .Append("<td class=\"connector-flows\"><small>")
            .Append(string.Join(", ", connector.Flows.Select(f => $"<a href=\"{Url.To(FlowsPage.Path)}/{Url(f)}\">{E(f)}</a>")))
            .Append("</small></td><td class=\"connector-circuit\">");
        ConnectorHtml.AppendCircuit(html, text, connector.Calls.Circuit);
        ConnectorHtml.AppendFailing(html, text, clock, connector.Failing);
        ConnectorHtml.AppendMaintenance(html, text, clock, connector.InMaintenance, connector.NextMaintenance);
        html.Append("</td><td class=\"connector-calls\"><small>");
        ConnectorHtml.AppendCalls(html, text, connector.Calls);
        html.Append("</small></td><td class=\"connector-latency\"><small>");
        ConnectorHtml.AppendLatency(html, text, connector.Calls);
        html.Append("</small></td><td class=\"connector-last-check\"><small>");
        ConnectorHtml.AppendCheck(html, text, clock, connector.LastCheck);
        html.Append("</small></td>");
        if (!Context.IsReadOnly)
        {
            html.Append("<td class=\"connector-actions\">");
            ConnectorHtml.AppendCheckForm(html, text, Url.To(ConnectorActionDispatcher.Path), Context.AntiforgeryToken, connector.Id, "list");
            html.Append("</td>");
        }

        html.Append("</tr>");
    }
}
