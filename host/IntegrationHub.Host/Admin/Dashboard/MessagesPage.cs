using System.Text;
using Hangfire.Dashboard;
using Hangfire.Dashboard.Pages;
using IntegrationHub.Contracts.Privacy;
using IntegrationHub.Host.Scheduling;
using IntegrationHub.Host.Storage;
using static IntegrationHub.Contracts.HubHtml;

namespace IntegrationHub.Host.Admin.Dashboard;

/// <summary>Dashboard page: message history by business key (MaHoSo, MaTTHC...), every step in order, labels in the
/// officer's language, times local. Steps and statuses keep the names the API and the CSV use.</summary>
public sealed class MessagesPage : RazorPage
{
    public const string Path = "/messages";

    public override void Execute()
    {
        var http = Context.GetHttpContext();
        var text = DashboardLanguage.TextOf(http);
        var clock = http.RequestServices.GetRequiredService<HubClock>();
        Layout = new LayoutPage(text.MessagesTitle);
        var key = (Query("businessKey") ?? string.Empty).Trim();
        var html = new StringBuilder("<div class=\"row\"><div class=\"col-md-12\">");
        FlowHtml.AppendHeader(html, text, Url.To(Path), _ => null);
        html.Append($"<h1 class=\"page-header\">{E(text.MessagesTitle)}</h1>")
            .Append($"<form method=\"get\" action=\"{Url.To(Path)}\" class=\"form-inline\" style=\"margin-bottom:20px\">")
            .Append($"<label for=\"businessKey\">{E(text.BusinessKeySearch)}</label> ")
            .Append($"<input id=\"businessKey\" name=\"businessKey\" class=\"form-control\" style=\"width:320px\" value=\"{E(key)}\" placeholder=\"{E(text.Format(text.ExampleFormat, "H56.22-241128-0001"))}\" /> ")
            .Append($"<button type=\"submit\" class=\"btn btn-primary\" id=\"search\">{E(text.Search)}</button></form>");
        if (key.Length > 0)
        {
            // Razor pages of Hangfire render synchronously; this admin page makes two small indexed queries.
            var messages = http.RequestServices.GetRequiredService<MessageHistoryStore>().FindAsync(key, 200, CancellationToken.None).GetAwaiter().GetResult();
            if (messages.Count > 0)
            {
                var csv = ModuleDashboardContext.Of(Context).Api("/api/messages.csv") + "?businessKey=" + Uri.EscapeDataString(key);
                html.Append($"<p>{E(text.Format(text.TimesLocalFormat, ModuleDashboardContext.ZoneLabel(clock)))} ")
                    .Append($"<a id=\"download-csv\" class=\"btn btn-default btn-sm\" href=\"{E(csv)}\">{E(text.DownloadCsv)}</a></p>");
            }
            else
            {
                html.Append($"<div class=\"alert alert-info\" id=\"no-messages\">{E(text.Format(text.NoMessagesFormat, key))}</div>");
            }

            foreach (var message in messages)
            {
                AppendMessage(html, text, clock, message);
            }
        }

        html.Append("</div></div>");
        WriteLiteral(html.ToString());
    }

    private void AppendMessage(StringBuilder html, DashboardText text, HubClock clock, MessageHistory message)
    {
        var version = message.Version.Length > 13 ? message.Version[..13] + "…" : message.Version;
        html.Append($"<div class=\"panel panel-default message\" data-message-id=\"{message.MessageId}\">")
            .Append("<div class=\"panel-heading\">")
            .Append(text.Format(E(text.MessageHeadingFormat), message.MessageId, $"<b>{E(message.FlowId)}</b>", E(message.RecordKey), E(version), $"<span class=\"received-at\">{clock.Format(message.ReceivedAt)}</span>"));
        if (message.TraceId is { } traceId)
        {
            html.Append($" · {E(text.Trace)} <code class=\"trace-id\" title=\"{E(text.TraceHint)}\">{E(traceId)}</code>");
        }

        foreach (var delivery in message.Deliveries)
        {
            html.Append($" · {E(delivery.Destination)} <span class=\"label {StatusLabel(delivery.Status)} delivery-status\">{E(delivery.Status)}</span>");
            if (delivery.Reference is { } reference)
            {
                html.Append($" <span class=\"delivery-reference\" title=\"{E(text.ReferenceHint)}\">{E(text.Reference)} <b>{E(PersonalDataMask.MaskText(reference))}</b></span>");
            }
            if (delivery.Status == "dead")
            {
                html.Append($" <a class=\"replay-or-discard\" href=\"{Url.To(DeadLettersPage.Path)}?businessKey={Url(message.BusinessKey)}\">{E(text.ReplayOrDiscard)}</a>");
            }
        }

        html.Append($"</div><table class=\"table table-condensed steps\"><thead><tr><th>{E(text.ColumnTime)}</th><th>{E(text.ColumnStep)}</th><th>{E(text.ColumnDestination)}</th>")
            .Append($"<th>{E(text.ColumnDetail)}</th><th>{E(text.Duration)}</th><th>{E(text.ColumnByWhy)}</th></tr></thead><tbody>");
        foreach (var step in message.Steps)
        {
            var who = step.Operator is null ? string.Empty : $"{E(step.Operator)}: {E(step.Reason)} ({E(text.Format(text.ActionNumberFormat, step.ActionId))})";
            html.Append($"<tr class=\"step\" data-event=\"{E(step.Event)}\"><td class=\"step-at\">{clock.Format(step.At)}</td><td>{E(step.Event)}</td><td>{E(step.Destination)}</td>")
                .Append($"<td>{E(PersonalDataMask.MaskText(step.Detail))}</td><td>{(step.DurationMs is { } ms ? ms + " ms" : string.Empty)}</td><td>{who}</td></tr>");
        }

        html.Append("</tbody></table>");
        html.Append($"<details style=\"margin:0 10px 10px\"><summary>{E(text.Payload)}</summary><pre>{E(PersonalDataMask.MaskPayload(message.Payload))}</pre></details></div>");
    }
}
