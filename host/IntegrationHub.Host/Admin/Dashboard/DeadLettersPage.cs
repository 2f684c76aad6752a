using System.Text;
using Hangfire.Dashboard;
using Hangfire.Dashboard.Pages;
using IntegrationHub.Contracts.Privacy;
using IntegrationHub.Host.Scheduling;
using IntegrationHub.Host.Storage;
using static IntegrationHub.Contracts.HubHtml;

namespace IntegrationHub.Host.Admin.Dashboard;

/// <summary>Dashboard page: dead letters filtered by flow, error code, date range or business key, with replay and
/// discard (a reason is required; the buttons only for an operator) and a dry run that lists what would be affected.
/// Labels in the officer's language, times local.</summary>
public sealed class DeadLettersPage : RazorPage
{
    public const string Path = "/dead-letters";

    /// <summary>Rows on a page (ticked ones can be replayed or discarded; the filter acts on all that match).</summary>
    public const int PageSize = 100;

    /// <summary>How far the page counts the matching dead letters before it shows "more than".</summary>
    public const int CountCap = 1_000;

    public override void Execute()
    {
        var http = Context.GetHttpContext();
        var services = http.RequestServices;
        var text = DashboardLanguage.TextOf(http);
        var clock = services.GetRequiredService<HubClock>();
        Layout = new LayoutPage(text.DeadLettersTitle);
        var form = DeadLetterForm.FromQuery(clock.Zone, Query);
        var html = new StringBuilder("<div class=\"row\"><div class=\"col-md-12\">");
        FlowHtml.AppendHeader(html, text, Url.To(Path), name => name == "error" && string.IsNullOrEmpty(Query(name)) && form.HasDateProblem ? text.DateFormatProblem : Query(name));
        html.Append($"<h1 class=\"page-header\">{E(text.DeadLettersTitle)}</h1>");
        AppendFilter(html, text, form);

        // Razor pages of Hangfire render synchronously. A page of the open dead letters and a count capped at
        // CountCap: bounded work however many dead letters are open (the flows page has each flow's exact number).
        var after = long.TryParse(Query("after"), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var afterId)
            ? (afterId, Query("afterDestination") ?? string.Empty) : ((long, string)?)null;
        var listing = services.GetRequiredService<DeadLetterStore>().PageAsync(form.Selection, after, PageSize, CountCap, CancellationToken.None).GetAwaiter().GetResult();
        var items = listing.Items;
        var total = text.Number(listing.Count) + (listing.CountCapped ? "+" : string.Empty);
        html.Append($"<p id=\"dead-letter-total\">{E(text.Format(form.Selection.IsEmpty ? text.DeadLetterTotalFormat : text.DeadLetterTotalFilteredFormat, total))} ")
            .Append($"{E(text.Format(text.TimesLocalFormat, ModuleDashboardContext.ZoneLabel(clock)))} ")
            .Append($"<a id=\"download-csv\" class=\"btn btn-default btn-sm\" href=\"{E(ModuleDashboardContext.Of(Context).Api("/api/dead-letters.csv") + form.ApiQuery())}\">{E(text.DownloadCsv)}</a></p>");
        html.Append($"<form method=\"post\" action=\"{Url.To(DeadLetterActionDispatcher.Path)}\" id=\"dead-letter-actions\">")
            .Append($"<input type=\"hidden\" name=\"__RequestVerificationToken\" value=\"{E(Context.AntiforgeryToken)}\" />");
        form.AppendHidden(html);
        html.Append($"<table class=\"table table-striped\"><thead><tr><th></th><th>{E(text.ColumnMessage)}</th><th>{E(text.ColumnFlow)}</th><th>{E(text.ColumnBusinessKey)}</th>")
            .Append($"<th>{E(text.ColumnDestination)}</th><th>{E(text.Error)}</th><th>{E(text.ColumnAttempts)}</th><th>{E(text.ColumnDeadSince)}</th><th>{E(text.ColumnWaitingBehind)}</th></tr></thead><tbody>");
        foreach (var item in items)
        {
            html.Append($"<tr class=\"dead-letter\" data-business-key=\"{E(item.BusinessKey)}\"><td><input type=\"checkbox\" name=\"messageIds\" value=\"{item.MessageId}\" /></td>")
                .Append($"<td><a href=\"{Url.To(MessagesPage.Path)}?businessKey={Url(item.BusinessKey)}\">#{item.MessageId}</a></td><td>{E(item.FlowId)}</td><td>{E(item.BusinessKey)}</td><td>{E(item.Destination)}</td>")
                .Append($"<td><code>{E(item.ErrorCode)}</code> {E(PersonalDataMask.MaskText(item.Error))}</td><td>{item.Attempts}</td><td class=\"dead-since\">{clock.Format(item.DeadSince)}</td><td>{item.WaitingBehind}</td></tr>");
        }

        html.Append("</tbody></table>");
        AppendPager(html, text, form, after is not null, listing.Next);
        ReplayDiscardButtons.Append(html, text, http, text.DeadLetterActsOn, string.Empty, text.DeadLetterReasonExample, dryRun: true);
        html.Append("</form></div></div>");
        WriteLiteral(html.ToString());
    }

    /// <summary>Links to the first page (when on a later one) and to the next (when there is one), with the filter.</summary>
    private void AppendPager(StringBuilder html, DashboardText text, DeadLetterForm form, bool later, (long MessageId, string Destination)? next)
    {
        if (!later && next is null)
        {
            return;
        }

        var filter = form.QueryString();
        var first = Url.To(Path) + (filter.Length == 0 ? string.Empty : "?" + filter);
        html.Append("<p class=\"dead-letter-pages\">");
        if (later)
        {
            html.Append($"<a id=\"dead-letters-first\" class=\"btn btn-default btn-sm\" href=\"{E(first)}\">{E(text.DeadLettersFirstPage)}</a> ");
        }

        if (next is { } n)
        {
            var link = $"{Url.To(Path)}?{(filter.Length == 0 ? string.Empty : filter + "&")}after={n.MessageId}&afterDestination={Url(n.Destination)}";
            html.Append($"<a id=\"dead-letters-next\" class=\"btn btn-default btn-sm\" href=\"{E(link)}\">{E(text.Format(text.DeadLettersNextPageFormat, text.Number(PageSize)))}</a>");
        }

        html.Append("</p>");
    }

    private void AppendFilter(StringBuilder html, DashboardText text, DeadLetterForm form)
    {
        html.Append($"<form method=\"get\" action=\"{Url.To(Path)}\" class=\"form-inline\" style=\"margin-bottom:15px\">");
        foreach (var (name, value) in form.Fields())
        {
            html.Append($"<label for=\"f-{name}\">{E(DeadLetterForm.Label(text, name))}</label> <input id=\"f-{name}\" name=\"{name}\" value=\"{E(value)}\" class=\"form-control\" style=\"width:160px;margin-right:8px\" /> ");
        }

        html.Append($"<button type=\"submit\" class=\"btn btn-default\" id=\"filter\">{E(text.Filter)}</button></form>");
    }
}
