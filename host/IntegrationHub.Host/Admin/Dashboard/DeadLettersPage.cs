using System.Text;
using Hangfire.Dashboard;
using Hangfire.Dashboard.Pages;
using IntegrationHub.Contracts.Privacy;
using IntegrationHub.Host.Storage;
using static IntegrationHub.Contracts.HubHtml;

namespace IntegrationHub.Host.Admin.Dashboard;

/// <summary>Dashboard page: dead letters filtered by flow, error code, date range or business key, with replay and
/// discard (a reason is required) and a dry run that lists what would be affected.</summary>
public sealed class DeadLettersPage : RazorPage
{
    public const string Path = "/dead-letters";

    public override void Execute()
    {
        Layout = new LayoutPage("Dead letters");
        var form = DeadLetterForm.FromQuery(Query);
        var html = new StringBuilder("<div class=\"row\"><div class=\"col-md-12\"><h1 class=\"page-header\">Dead letters</h1>");
        AppendNotice(html);
        AppendFilter(html, form);

        var services = Context.GetHttpContext().RequestServices;

        // Razor pages of Hangfire render synchronously; the list is one indexed query capped at 500 rows.
        var (total, items) = services.GetRequiredService<DeadLetterOperations>().PreviewAsync(form.Selection, 500, CancellationToken.None).GetAwaiter().GetResult();
        html.Append($"<p id=\"dead-letter-total\">{total} dead letter(s) match{(form.Selection.IsEmpty ? string.Empty : " the filter")}. ")
            .Append($"<a id=\"download-csv\" class=\"btn btn-default btn-sm\" href=\"{E(ModuleDashboardContext.Of(Context).Api("/api/dead-letters.csv") + form.ApiQuery())}\">Download CSV</a></p>");
        html.Append($"<form method=\"post\" action=\"{Url.To(DeadLetterActionDispatcher.Path)}\" id=\"dead-letter-actions\">")
            .Append($"<input type=\"hidden\" name=\"__RequestVerificationToken\" value=\"{E(Context.AntiforgeryToken)}\" />");
        form.AppendHidden(html);
        html.Append("<table class=\"table table-striped\"><thead><tr><th></th><th>Message</th><th>Flow</th><th>Business key</th><th>Destination</th><th>Error</th><th>Attempts</th><th>Dead since (ICT)</th><th>Waiting behind it</th></tr></thead><tbody>");
        foreach (var item in items)
        {
            html.Append($"<tr class=\"dead-letter\" data-business-key=\"{E(item.BusinessKey)}\"><td><input type=\"checkbox\" name=\"messageIds\" value=\"{item.MessageId}\" /></td>")
                .Append($"<td><a href=\"{Url.To(MessagesPage.Path)}?businessKey={Url(item.BusinessKey)}\">#{item.MessageId}</a></td><td>{E(item.FlowId)}</td><td>{E(item.BusinessKey)}</td><td>{E(item.Destination)}</td>")
                .Append($"<td><code>{E(item.ErrorCode)}</code> {E(PersonalDataMask.MaskText(item.Error))}</td><td>{item.Attempts}</td><td>{Time(item.DeadSince)}</td><td>{item.WaitingBehind}</td></tr>");
        }

        html.Append("</tbody></table>")
            .Append("<p>Acts on the ticked messages, or, if none is ticked, on every dead letter matching the filter.</p>")
            .Append("<div class=\"form-group\"><label for=\"reason\">Reason (recorded with your name)</label>")
            .Append("<input id=\"reason\" name=\"reason\" class=\"form-control\" placeholder=\"e.g. portal fixed the validation rule, ticket 123\" /></div>")
            .Append("<button type=\"submit\" name=\"action\" value=\"dry-run\" class=\"btn btn-default\" id=\"dry-run\">Dry run</button> ")
            .Append("<button type=\"submit\" name=\"action\" value=\"replay\" class=\"btn btn-primary\" id=\"replay\">Replay</button> ")
            .Append("<button type=\"submit\" name=\"action\" value=\"discard\" class=\"btn btn-danger\" id=\"discard\">Discard</button>")
            .Append("</form></div></div>");
        WriteLiteral(html.ToString());
    }

    private void AppendNotice(StringBuilder html)
    {
        var error = string.IsNullOrEmpty(Query("error")) ? DeadLetterForm.FromQuery(Query).DateProblem : Query("error");
        if (!string.IsNullOrEmpty(error))
        {
            html.Append($"<div class=\"alert alert-danger\" id=\"action-error\">{E(error)}</div>");
        }

        var done = Query("done");
        if (!string.IsNullOrEmpty(done))
        {
            html.Append($"<div class=\"alert alert-success\" id=\"action-result\">{E(done)}</div>");
        }
    }

    private void AppendFilter(StringBuilder html, DeadLetterForm form)
    {
        html.Append($"<form method=\"get\" action=\"{Url.To(Path)}\" class=\"form-inline\" style=\"margin-bottom:15px\">");
        foreach (var (name, label, value) in form.Fields())
        {
            html.Append($"<label for=\"f-{name}\">{label}</label> <input id=\"f-{name}\" name=\"{name}\" value=\"{E(value)}\" class=\"form-control\" style=\"width:160px;margin-right:8px\" /> ");
        }

        html.Append("<button type=\"submit\" class=\"btn btn-default\" id=\"filter\">Filter</button></form>");
    }
}
