using System.Text;
using IntegrationHub.Contracts;
using static IntegrationHub.Contracts.HubHtml;

namespace IntegrationHub.Connectors.PopulationDb.Citizens;

/// <summary>Dashboard page: the audit of population-database lookups (who asked, for which dossier, when, outcome),
/// personal ids masked. A full id is only given by an audited reveal (this page's form or the admin API).</summary>
public sealed class CitizenLookupsPage(CitizenLookupStore store) : IHubDashboardPage
{
    public const string PagePath = "/citizen-lookups";

    public string Path => PagePath;

    public string Title => "Citizen lookups";

    public async Task<string> RenderAsync(HubDashboardContext page, CancellationToken cancellationToken)
    {
        var dossier = page.Query("dossier") is { Length: > 0 } d ? d.Trim() : null;
        var lookups = await store.RecentAsync(dossier, 200, cancellationToken);
        var html = new StringBuilder("<div class=\"row\"><div class=\"col-md-12\"><h1 class=\"page-header\">Population database lookups</h1>")
            .Append($"<form method=\"get\" class=\"form-inline\" style=\"margin-bottom:10px\"><input class=\"form-control\" name=\"dossier\" placeholder=\"MaHoSo\" value=\"{E(dossier)}\" /> <button class=\"btn btn-default\">Filter</button></form>")
            .Append(Downloads(page, dossier))
            .Append("<p class=\"text-muted\">Personal ids are masked. To see one in full, give a reason with <b>Reveal…</b> (or POST it to <code>api/citizen-lookups/{id}/reveal</code>); the reveal is recorded with your name and reason.</p>");
        if (page.Query("error") is { Length: > 0 } error)
        {
            html.Append($"<div class=\"alert alert-danger\" id=\"reveal-error\">{E(error)}</div>");
        }
        if (lookups.Count == 0)
        {
            html.Append("<div class=\"alert alert-info\" id=\"no-lookups\">No lookup yet.</div>");
        }
        else
        {
            html.Append("<table class=\"table table-striped\" id=\"lookups\"><thead><tr><th>#</th><th>Time (ICT)</th><th>Asked by</th><th>Dossier</th><th>Personal id</th><th>Outcome</th><th>Differing fields</th><th>Duration</th><th>Reveals</th><th></th></tr></thead><tbody>");
            foreach (var lookup in lookups)
            {
                var outcome = lookup.Outcome == "failed" ? $"failed <code>{E(lookup.FailureCode)}</code>" : E(lookup.Outcome);
                html.Append($"<tr class=\"lookup\" data-outcome=\"{E(lookup.Outcome)}\"><td>{lookup.Id}</td><td>{Time(lookup.RequestedAt)}</td><td>{E(lookup.RequestedBy)}</td>")
                    .Append($"<td><a href=\"{page.To("/messages")}?businessKey={Url(lookup.Dossier ?? string.Empty)}\">{E(lookup.Dossier)}</a></td><td><code>{E(lookup.PersonalIdMasked)}</code></td>")
                    .Append($"<td>{outcome}</td><td>{E(string.Join(", ", lookup.DifferingFields))}</td><td>{lookup.DurationMs} ms</td><td class=\"reveals\">{lookup.Reveals}</td>")
                    .Append($"<td><details class=\"reveal\"><summary>Reveal…</summary><form method=\"post\" action=\"{page.To(CitizenRevealAction.ActionPath)}\">")
                    .Append($"<input type=\"hidden\" name=\"__RequestVerificationToken\" value=\"{E(page.AntiforgeryToken)}\" /><input type=\"hidden\" name=\"lookupId\" value=\"{lookup.Id}\" /><input type=\"hidden\" name=\"dossier\" value=\"{E(dossier)}\" />")
                    .Append($"<input class=\"form-control\" name=\"reason\" placeholder=\"Reason (recorded)\" maxlength=\"{CitizenLookupsEndpoints.MaxReasonLength}\" /> <button class=\"btn btn-warning btn-sm\" type=\"submit\">Reveal</button></form></details></td></tr>");
            }

            html.Append("</tbody></table>");
        }

        html.Append("</div></div>");
        return html.ToString();
    }

    /// <summary>The audits as CSV (ids masked there too), filtered by the dossier as the page is.</summary>
    private static string Downloads(HubDashboardContext page, string? dossier)
    {
        var query = dossier is null ? string.Empty : $"?dossier={Uri.EscapeDataString(dossier)}";
        return $"<p><a id=\"download-lookups\" class=\"btn btn-default btn-sm\" href=\"{E(page.Api("/api/citizen-lookups.csv") + query)}\">Download lookups (CSV)</a> " +
            $"<a id=\"download-reveals\" class=\"btn btn-default btn-sm\" href=\"{E(page.Api("/api/citizen-lookups/reveals.csv") + query)}\">Download reveals (CSV)</a></p>";
    }
}
