using System.Text;
using Hangfire.Dashboard;
using Hangfire.Dashboard.Pages;
using IntegrationHub.Contracts.Privacy;
using IntegrationHub.Host.Scheduling;
using static IntegrationHub.Contracts.HubHtml;

namespace IntegrationHub.Host.Admin.Dashboard;

/// <summary>Dashboard page: inbox messages the router could not route, with their error and masked payload; replay
/// (after fixing the cause) or discard the ticked ones, or all of them (chosen on purpose, never by ticking none), with a
/// reason; the buttons only for an operator. Labels in the officer's language, times local.</summary>
public sealed class ParkedInboxPage : RazorPage
{
    public const string Path = "/inbox-parked";
    private const int PayloadPreview = 300;

    public override void Execute()
    {
        var http = Context.GetHttpContext();
        var text = DashboardLanguage.TextOf(http);
        var clock = http.RequestServices.GetRequiredService<HubClock>();
        Layout = new LayoutPage(text.ParkedTitle);
        var html = new StringBuilder("<div class=\"row\"><div class=\"col-md-12\">");
        FlowHtml.AppendHeader(html, text, Url.To(Path), Query);
        html.Append($"<h1 class=\"page-header\">{E(text.ParkedTitle)}</h1>");

        // Razor pages of Hangfire render synchronously; one indexed query capped at 500 rows.
        var operations = http.RequestServices.GetRequiredService<ParkedInboxOperations>();
        var (total, items) = operations.ListAsync(500, CancellationToken.None).GetAwaiter().GetResult();
        html.Append($"<p id=\"parked-total\">{E(text.Format(text.ParkedTotalFormat, text.Number(total)))} {E(text.Format(text.TimesLocalFormat, ModuleDashboardContext.ZoneLabel(clock)))}</p>")
            .Append($"<form method=\"post\" action=\"{Url.To(ParkedInboxActionDispatcher.Path)}\" id=\"parked-actions\">")
            .Append($"<input type=\"hidden\" name=\"__RequestVerificationToken\" value=\"{E(Context.AntiforgeryToken)}\" />")
            .Append($"<table class=\"table table-striped\"><thead><tr><th></th><th>{E(text.ColumnInboxId)}</th><th>{E(text.ColumnPartnerType)}</th><th>{E(text.ColumnMessageId)}</th>")
            .Append($"<th>{E(text.ColumnBusinessKey)}</th><th>{E(text.Error)}</th><th>{E(text.ColumnAttempts)}</th><th>{E(text.ColumnParked)}</th><th>{E(text.Payload)}</th></tr></thead><tbody>");
        foreach (var item in items)
        {
            var payload = PersonalDataMask.MaskPayload(item.Payload);
            html.Append($"<tr class=\"parked\"><td><input type=\"checkbox\" name=\"ids\" value=\"{item.InboxId}\" /></td><td>{item.InboxId}</td>")
                .Append($"<td>{E(item.Partner)} / {E(item.MessageType)}</td><td>{E(item.PartnerMessageId)}</td><td>{E(item.BusinessKey)}</td>")
                .Append($"<td><code>{E(item.ErrorCode)}</code> {E(PersonalDataMask.MaskText(item.Error))}</td><td>{item.Attempts}</td><td class=\"parked-at\">{clock.Format(item.ParkedAt)}</td>")
                .Append($"<td><code>{E(payload.Length <= PayloadPreview ? payload : payload[..PayloadPreview] + "…")}</code></td></tr>");
        }

        html.Append("</tbody></table>");
        var all = $"<div class=\"checkbox\"><label><input type=\"checkbox\" name=\"all\" value=\"true\" id=\"all\" /> {E(text.Format(text.ParkedAllFormat, text.Number(total)))}</label></div>";
        ReplayDiscardButtons.Append(html, text, http, text.ParkedActsOn, all, text.ParkedReasonExample, dryRun: false);
        html.Append("</form></div></div>");
        WriteLiteral(html.ToString());
    }
}
