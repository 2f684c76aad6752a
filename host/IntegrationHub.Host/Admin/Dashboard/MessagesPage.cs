using System.Text;
using Hangfire.Dashboard;
using Hangfire.Dashboard.Pages;
using IntegrationHub.Contracts.Privacy;
using IntegrationHub.Host.Storage;
using static IntegrationHub.Contracts.HubHtml;

namespace IntegrationHub.Host.Admin.Dashboard;

/// <summary>Dashboard page: message history by business key (MaHoSo, MaTTHC...), every step in order.</summary>
public sealed class MessagesPage : RazorPage
{
    public const string Path = "/messages";

    public override void Execute()
    {
        Layout = new LayoutPage("Messages");
        var key = (Query("businessKey") ?? string.Empty).Trim();
        var html = new StringBuilder();
        html.Append("<div class=\"row\"><div class=\"col-md-12\"><h1 class=\"page-header\">Message history</h1>");
        html.Append($"<form method=\"get\" action=\"{Url.To(Path)}\" class=\"form-inline\" style=\"margin-bottom:20px\">")
            .Append("<label for=\"businessKey\">Business key (MaHoSo, MaTTHC)</label> ")
            .Append($"<input id=\"businessKey\" name=\"businessKey\" class=\"form-control\" style=\"width:320px\" value=\"{E(key)}\" placeholder=\"e.g. H56.22-241128-0001\" /> ")
            .Append("<button type=\"submit\" class=\"btn btn-primary\" id=\"search\">Search</button></form>");
        if (key.Length > 0)
        {
            var services = Context.GetHttpContext().RequestServices;

            // Razor pages of Hangfire render synchronously; this admin page makes two small indexed queries.
            var messages = services.GetRequiredService<MessageHistoryStore>().FindAsync(key, 200, CancellationToken.None).GetAwaiter().GetResult();
            if (messages.Count > 0)
            {
                var csv = ModuleDashboardContext.Of(Context).Api("/api/messages.csv") + "?businessKey=" + Uri.EscapeDataString(key);
                html.Append($"<p><a id=\"download-csv\" class=\"btn btn-default btn-sm\" href=\"{E(csv)}\">Download CSV</a></p>");
            }
            else
            {
                html.Append($"<div class=\"alert alert-info\" id=\"no-messages\">No message has business key <b>{E(key)}</b>.</div>");
            }

            foreach (var message in messages)
            {
                AppendMessage(html, message);
            }
        }

        html.Append("</div></div>");
        WriteLiteral(html.ToString());
    }

    private void AppendMessage(StringBuilder html, MessageHistory message)
    {
        html.Append($"<div class=\"panel panel-default message\" data-message-id=\"{message.MessageId}\">")
            .Append($"<div class=\"panel-heading\">Message #{message.MessageId} · flow <b>{E(message.FlowId)}</b> · record {E(message.RecordKey)} · version {E(message.Version.Length > 13 ? message.Version[..13] + "…" : message.Version)} · received {Time(message.ReceivedAt)}");
        if (message.TraceId is { } traceId)
        {
            html.Append($" · trace <code class=\"trace-id\" title=\"W3C trace id: find this message's spans and logs by it\">{E(traceId)}</code>");
        }

        foreach (var delivery in message.Deliveries)
        {
            html.Append($" · {E(delivery.Destination)} <span class=\"label {StatusLabel(delivery.Status)} delivery-status\">{E(delivery.Status)}</span>");
            if (delivery.Reference is { } reference)
            {
                html.Append($" <span class=\"delivery-reference\" title=\"the counterparty's reference\">ref <b>{E(PersonalDataMask.MaskText(reference))}</b></span>");
            }
            if (delivery.Status == "dead")
            {
                html.Append($" <a href=\"{Url.To(DeadLettersPage.Path)}?businessKey={Url(message.BusinessKey)}\">replay or discard…</a>");
            }
        }

        html.Append("</div><table class=\"table table-condensed steps\"><thead><tr><th>Time (ICT)</th><th>Step</th><th>Destination</th><th>Detail</th><th>Duration</th><th>By / why</th></tr></thead><tbody>");
        foreach (var step in message.Steps)
        {
            var who = step.Operator is null ? string.Empty : $"{E(step.Operator)}: {E(step.Reason)} (action #{step.ActionId})";
            html.Append($"<tr class=\"step\" data-event=\"{E(step.Event)}\"><td>{Time(step.At)}</td><td>{E(step.Event)}</td><td>{E(step.Destination)}</td>")
                .Append($"<td>{E(PersonalDataMask.MaskText(step.Detail))}</td><td>{(step.DurationMs is { } ms ? ms + " ms" : string.Empty)}</td><td>{who}</td></tr>");
        }

        html.Append("</tbody></table>");
        html.Append($"<details style=\"margin:0 10px 10px\"><summary>Payload</summary><pre>{E(PersonalDataMask.MaskPayload(message.Payload))}</pre></details></div>");
    }
}
