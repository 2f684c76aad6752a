using System.Text;
using Hangfire.Dashboard;
using Hangfire.Dashboard.Pages;
using IntegrationHub.Contracts.Privacy;
using static IntegrationHub.Contracts.HubHtml;

namespace IntegrationHub.Host.Admin.Dashboard;

/// <summary>Dashboard page: inbox messages the router could not route, with their error and masked payload; replay
/// (after fixing the cause) or discard the ticked ones, or all of them (chosen on purpose, never by ticking none), with a
/// reason.</summary>
public sealed class ParkedInboxPage : RazorPage
{
    public const string Path = "/inbox-parked";
    private const int PayloadPreview = 300;

    public override void Execute()
    {
        Layout = new LayoutPage("Parked inbox messages");
        var html = new StringBuilder("<div class=\"row\"><div class=\"col-md-12\"><h1 class=\"page-header\">Parked inbox messages</h1>");
        foreach (var (name, css) in new[] { ("error", "alert-danger"), ("done", "alert-success") })
        {
            if (Query(name) is { Length: > 0 } notice)
            {
                html.Append($"<div class=\"alert {css}\" id=\"action-{name}\">{E(notice)}</div>");
            }
        }

        // Razor pages of Hangfire render synchronously; one indexed query capped at 500 rows.
        var operations = Context.GetHttpContext().RequestServices.GetRequiredService<ParkedInboxOperations>();
        var (total, items) = operations.ListAsync(500, CancellationToken.None).GetAwaiter().GetResult();
        html.Append($"<p id=\"parked-total\">{total} received message(s) could not be routed into their flow. The rest of the inbox flows on.</p>")
            .Append($"<form method=\"post\" action=\"{Url.To(ParkedInboxActionDispatcher.Path)}\" id=\"parked-actions\">")
            .Append($"<input type=\"hidden\" name=\"__RequestVerificationToken\" value=\"{E(Context.AntiforgeryToken)}\" />")
            .Append("<table class=\"table table-striped\"><thead><tr><th></th><th>Inbox id</th><th>Partner / type</th><th>Message id</th><th>Business key</th><th>Error</th><th>Attempts</th><th>Parked (ICT)</th><th>Payload</th></tr></thead><tbody>");
        foreach (var item in items)
        {
            var payload = PersonalDataMask.MaskPayload(item.Payload);
            html.Append($"<tr class=\"parked\"><td><input type=\"checkbox\" name=\"ids\" value=\"{item.InboxId}\" /></td><td>{item.InboxId}</td>")
                .Append($"<td>{E(item.Partner)} / {E(item.MessageType)}</td><td>{E(item.PartnerMessageId)}</td><td>{E(item.BusinessKey)}</td>")
                .Append($"<td><code>{E(item.ErrorCode)}</code> {E(PersonalDataMask.MaskText(item.Error))}</td><td>{item.Attempts}</td><td>{Time(item.ParkedAt)}</td>")
                .Append($"<td><code>{E(payload.Length <= PayloadPreview ? payload : payload[..PayloadPreview] + "…")}</code></td></tr>");
        }

        html.Append("</tbody></table>")
            .Append("<p>Acts on the ticked messages, or on every parked message when \"all\" is chosen below (nothing ticked and \"all\" not chosen is refused). Fix the cause first (a replayed message that fails again is parked again).</p>")
            .Append($"<div class=\"checkbox\"><label><input type=\"checkbox\" name=\"all\" value=\"true\" id=\"all\" /> All {total} parked message(s), not only the ticked ones</label></div>")
            .Append("<div class=\"form-group\"><label for=\"reason\">Reason (recorded with your name)</label>")
            .Append("<input id=\"reason\" name=\"reason\" class=\"form-control\" placeholder=\"e.g. payload corrected with the partner, ticket 123\" /></div>")
            .Append("<button type=\"submit\" name=\"action\" value=\"replay\" class=\"btn btn-primary\" id=\"replay\">Replay</button> ")
            .Append("<button type=\"submit\" name=\"action\" value=\"discard\" class=\"btn btn-danger\" id=\"discard\">Discard</button>")
            .Append("</form></div></div>");
        WriteLiteral(html.ToString());
    }
}
