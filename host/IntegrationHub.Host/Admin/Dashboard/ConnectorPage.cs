using System.Text;
using Hangfire.Dashboard;
using Hangfire.Dashboard.Pages;
using IntegrationHub.Host.Connectivity;
using IntegrationHub.Host.Scheduling;
using static IntegrationHub.Contracts.HubHtml;

namespace IntegrationHub.Host.Admin.Dashboard;

/// <summary>Dashboard page of one connector: its spec and streams (payload schema folded away), the flows using it, its
/// circuit, calls, failures by kind and latency over the last hour, its latest connectivity check and Check now.</summary>
public sealed class ConnectorPage(string connectorId) : RazorPage
{
    /// <summary>Hangfire matches routes as whole-path regular expressions; the id is a config key (no slash).</summary>
    public const string Route = ConnectorsPage.Path + "/(?<connectorId>[^/]+)";

    public override void Execute()
    {
        var http = Context.GetHttpContext();
        var services = http.RequestServices;
        var text = DashboardLanguage.TextOf(http);
        var clock = services.GetRequiredService<HubClock>();
        var id = Uri.UnescapeDataString(connectorId);
        Layout = new LayoutPage(text.Format(text.ConnectorTitleFormat, id));
        var html = new StringBuilder("<div class=\"row\"><div class=\"col-md-12\">");
        FlowHtml.AppendHeader(html, text, Url.To($"{ConnectorsPage.Path}/{Url(id)}"), Query);
        html.Append($"<p><a id=\"all-connectors\" href=\"{Url.To(ConnectorsPage.Path)}\">{E(text.AllConnectors)}</a></p>")
            .Append($"<h1 class=\"page-header\">{E(text.Format(text.ConnectorTitleFormat, id))}</h1>");

        // Hangfire's Razor pages render synchronously; one small query (the latest checks).
        var connector = services.GetRequiredService<ConnectorSummaries>().FindAsync(id, CancellationToken.None).GetAwaiter().GetResult();
        if (connector is null)
        {
            Context.Response.StatusCode = StatusCodes.Status404NotFound;
            html.Append($"<div class=\"alert alert-warning\" id=\"unknown-connector\">{E(text.Format(text.UnknownConnectorFormat, id))}</div></div></div>");
            WriteLiteral(html.ToString());
            return;
        }

        var spec = services.GetRequiredService<ConnectorCatalog>().Get(id).Spec;
        html.Append($"<div class=\"row\" id=\"connector-summary\" data-connector=\"{E(id)}\"><div class=\"col-md-6\">")
            .Append($"<h3>{E(text.Specification)}</h3><dl class=\"dl-horizontal\">")
            .Append($"<dt>{E(text.ColumnVersion)}</dt><dd id=\"connector-version\">{E(spec.Version)}</dd>")
            .Append($"<dt>{E(text.OptionsType)}</dt><dd><code>{E(spec.OptionsType.Name)}</code></dd>")
            .Append($"<dt>{E(text.ColumnCircuit)}</dt><dd id=\"connector-circuit\">");
        ConnectorHtml.AppendCircuit(html, text, connector.Calls.Circuit);
        ConnectorHtml.AppendFailing(html, text, clock, connector.Failing);
        ConnectorHtml.AppendMaintenance(html, text, clock, connector.InMaintenance, connector.NextMaintenance);
        html.Append("</dd></dl></div><div class=\"col-md-6\">")
            .Append($"<h3>{E(text.LastCheck)}</h3><div id=\"last-check\">");
        ConnectorHtml.AppendCheck(html, text, clock, connector.LastCheck);
        html.Append("</div>");
        if (!Context.IsReadOnly)
        {
            html.Append("<p style=\"margin-top:8px\">");
            ConnectorHtml.AppendCheckForm(html, text, Url.To(ConnectorActionDispatcher.Path), Context.AntiforgeryToken, id, "connector");
            html.Append("</p>");
        }

        html.Append("</div></div>");
        AppendStreams(html, text, spec.Streams);
        AppendFlows(html, text, connector.Flows);
        AppendCalls(html, text, connector.Calls);
        html.Append("</div></div>");
        WriteLiteral(html.ToString());
    }

    private static void AppendStreams(StringBuilder html, DashboardText text, IReadOnlyList<Contracts.StreamSpec> streams)
    {
        html.Append($"<h3>{E(text.Streams)}</h3><table class=\"table table-striped table-condensed\" id=\"streams\"><thead><tr>")
            .Append($"<th>{E(text.ColumnName)}</th><th>{E(text.ColumnDirection)}</th><th>{E(text.ColumnDescription)}</th>")
            .Append($"<th>{E(text.ColumnKey)}</th><th>{E(text.ColumnCursor)}</th><th>{E(text.ColumnPayloadSchema)}</th></tr></thead><tbody>");
        foreach (var stream in streams)
        {
            html.Append($"<tr class=\"stream\" data-stream=\"{E(stream.Name)}\" data-direction=\"{stream.Direction}\"><td><code>{E(stream.Name)}</code></td>")
                .Append($"<td>{E(text.Direction(stream.Direction.ToString()))}</td><td>{E(stream.Description)}</td>")
                .Append($"<td class=\"stream-key\">{string.Join(", ", stream.Key.Select(k => $"<code>{E(k)}</code>"))}</td>")
                .Append($"<td class=\"stream-cursor\"><small>{E(stream.Cursor)}</small></td><td class=\"stream-schema\">");
            html.Append(stream.PayloadSchema is { } schema
                ? $"<details><summary>{E(text.Yes)} · {E(text.ShowSchema)}</summary><pre style=\"max-height:400px;overflow:auto\">{E(schema)}</pre></details>"
                : E(text.No));
            html.Append("</td></tr>");
        }

        html.Append("</tbody></table>");
    }

    private void AppendFlows(StringBuilder html, DashboardText text, IReadOnlyList<string> flows)
    {
        html.Append($"<h3>{E(text.FlowsUsing)}</h3>");
        html.Append(flows.Count == 0
            ? $"<p id=\"no-flows\">{E(text.NoFlows)}</p>"
            : $"<ul id=\"connector-flows\">{string.Concat(flows.Select(f => $"<li><a class=\"flow-link\" data-flow=\"{E(f)}\" href=\"{Url.To(FlowsPage.Path)}/{Url(f)}\">{E(f)}</a></li>"))}</ul>");
    }

    private static void AppendCalls(StringBuilder html, DashboardText text, ConnectorCalls calls)
    {
        html.Append($"<h3>{E(text.CallStatistics)}</h3><div class=\"row\" id=\"connector-calls\"><div class=\"col-md-4\"><p>");
        ConnectorHtml.AppendCalls(html, text, calls);
        html.Append($"<br />{E(text.ColumnLatency)}: ");
        ConnectorHtml.AppendLatency(html, text, calls);
        html.Append($"</p></div><div class=\"col-md-8\"><h4>{E(text.FailuresByKind)}</h4>");
        if (calls.FailuresByKind.Count == 0)
        {
            html.Append($"<p id=\"no-failures\">{E(text.NoFailures)}</p>");
        }
        else
        {
            html.Append("<table class=\"table table-condensed\" id=\"failures-by-kind\"><tbody>");
            foreach (var (kind, count) in calls.FailuresByKind.OrderByDescending(f => f.Value))
            {
                html.Append($"<tr class=\"failure-kind\" data-kind=\"{E(kind)}\"><td>{E(text.FailureKind(kind))} <small><code>{E(kind)}</code></small></td><td class=\"failure-count\">{text.Number(count)}</td></tr>");
            }

            html.Append("</tbody></table>");
        }

        html.Append("</div></div>");
    }
}
