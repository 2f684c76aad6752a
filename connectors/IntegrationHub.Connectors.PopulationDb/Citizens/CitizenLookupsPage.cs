using System.Text;
using IntegrationHub.Contracts;
using static IntegrationHub.Contracts.HubHtml;

namespace IntegrationHub.Connectors.PopulationDb.Citizens;

/// <summary>Dashboard page: the audit of population-database lookups (who asked, for which dossier, when, outcome),
/// personal ids masked. A full id is only given by an audited reveal (this page's form, shown to an auditor, or the admin
/// API). Labels in the officer's language (<see cref="HubDashboardContext.Text"/>), times local.</summary>
public sealed class CitizenLookupsPage(CitizenLookupStore store) : IHubDashboardPage
{
    public const string PagePath = "/citizen-lookups";

    public string Path => PagePath;

    public string Title => "Citizen lookups";

    public string TitleIn(string language) => language == "en" ? Title : "Tra cứu dân cư";

    public async Task<string> RenderAsync(HubDashboardContext page, CancellationToken cancellationToken)
    {
        var dossier = page.Query("dossier") is { Length: > 0 } d ? d.Trim() : null;
        var lookups = await store.RecentAsync(dossier, 200, cancellationToken);
        var canReveal = page.Meets(HubPolicies.Auditor);
        var html = new StringBuilder("<div class=\"row\"><div class=\"col-md-12\">")
            .Append($"<h1 class=\"page-header\">{E(page.Text("Tra cứu cơ sở dữ liệu quốc gia về dân cư", "Population database lookups"))}</h1>")
            .Append($"<form method=\"get\" class=\"form-inline\" style=\"margin-bottom:10px\"><input class=\"form-control\" name=\"dossier\" placeholder=\"MaHoSo\" value=\"{E(dossier)}\" /> <button class=\"btn btn-default\">{E(page.Text("Lọc", "Filter"))}</button></form>")
            .Append(Downloads(page, dossier))
            .Append($"<p class=\"text-muted\">{E(page.Text(
                $"Số định danh cá nhân được che. Giờ là giờ địa phương ({page.ZoneLabel}). Để xem đầy đủ một số, người có vai trò auditor nêu lý do với “Xem đầy đủ…” (hoặc POST tới api/citizen-lookups/{{id}}/reveal); lần xem được ghi kèm tên và lý do.",
                $"Personal ids are masked. Times are local ({page.ZoneLabel}). To see one in full, an auditor gives a reason with “Reveal…” (or POSTs it to api/citizen-lookups/{{id}}/reveal); the reveal is recorded with their name and reason."))}</p>");
        if (page.Query("error") is { Length: > 0 } error)
        {
            html.Append($"<div class=\"alert alert-danger\" id=\"reveal-error\">{E(error)}</div>");
        }
        if (lookups.Count == 0)
        {
            html.Append($"<div class=\"alert alert-info\" id=\"no-lookups\">{E(page.Text("Chưa có lần tra cứu nào.", "No lookup yet."))}</div>");
        }
        else
        {
            html.Append("<table class=\"table table-striped\" id=\"lookups\"><thead><tr><th>#</th>");
            foreach (var (vietnamese, english) in new[]
            {
                ("Thời điểm", "Time"), ("Người tra cứu", "Asked by"), ("Hồ sơ", "Dossier"), ("Số định danh", "Personal id"), ("Kết quả", "Outcome"),
                ("Trường khác nhau", "Differing fields"), ("Thời lượng", "Duration"), ("Lần xem đầy đủ", "Reveals"),
            })
            {
                html.Append($"<th>{E(page.Text(vietnamese, english))}</th>");
            }

            html.Append("<th></th></tr></thead><tbody>");
            foreach (var lookup in lookups)
            {
                var outcome = lookup.Outcome == "failed" ? $"failed <code>{E(lookup.FailureCode)}</code>" : E(lookup.Outcome);
                html.Append($"<tr class=\"lookup\" data-outcome=\"{E(lookup.Outcome)}\"><td>{lookup.Id}</td><td class=\"requested-at\">{page.Time(lookup.RequestedAt)}</td><td>{E(lookup.RequestedBy)}</td>")
                    .Append($"<td><a href=\"{page.To("/messages")}?businessKey={Url(lookup.Dossier ?? string.Empty)}\">{E(lookup.Dossier)}</a></td><td><code>{E(lookup.PersonalIdMasked)}</code></td>")
                    .Append($"<td>{outcome}</td><td>{E(string.Join(", ", lookup.DifferingFields))}</td><td>{lookup.DurationMs} ms</td><td class=\"reveals\">{lookup.Reveals}</td><td>");
                if (canReveal)
                {
                    html.Append($"<details class=\"reveal\"><summary>{E(page.Text("Xem đầy đủ…", "Reveal…"))}</summary><form method=\"post\" action=\"{page.To(CitizenRevealAction.ActionPath)}\">")
                        .Append($"<input type=\"hidden\" name=\"__RequestVerificationToken\" value=\"{E(page.AntiforgeryToken)}\" /><input type=\"hidden\" name=\"lookupId\" value=\"{lookup.Id}\" /><input type=\"hidden\" name=\"dossier\" value=\"{E(dossier)}\" />")
                        .Append($"<input class=\"form-control\" name=\"reason\" placeholder=\"{E(page.Text("Lý do (được ghi lại)", "Reason (recorded)"))}\" maxlength=\"{CitizenLookupsEndpoints.MaxReasonLength}\" /> ")
                        .Append($"<button class=\"btn btn-warning btn-sm\" type=\"submit\">{E(page.Text("Xem đầy đủ", "Reveal"))}</button></form></details>");
                }

                html.Append("</td></tr>");
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
        return $"<p><a id=\"download-lookups\" class=\"btn btn-default btn-sm\" href=\"{E(page.Api("/api/citizen-lookups.csv") + query)}\">{E(page.Text("Tải danh sách tra cứu (CSV)", "Download lookups (CSV)"))}</a> " +
            $"<a id=\"download-reveals\" class=\"btn btn-default btn-sm\" href=\"{E(page.Api("/api/citizen-lookups/reveals.csv") + query)}\">{E(page.Text("Tải danh sách xem đầy đủ (CSV)", "Download reveals (CSV)"))}</a></p>";
    }
}
