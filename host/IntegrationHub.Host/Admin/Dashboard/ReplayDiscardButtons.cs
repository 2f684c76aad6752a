using System.Text;
using static IntegrationHub.Contracts.HubHtml;

namespace IntegrationHub.Host.Admin.Dashboard;

/// <summary>The end of the Dead letters and Parked inbox forms: what the buttons act on, the reason, and Replay / Discard
/// (and a dry run, where there is one); for an officer without the operator role a note instead, since the host refuses
/// their POST anyway.</summary>
public static class ReplayDiscardButtons
{
    /// <param name="choice">HTML between the explanation and the reason (the parked inbox's "all"), or empty.</param>
    public static void Append(StringBuilder html, DashboardText text, HttpContext http, string actsOn, string choice, string reasonExample, bool dryRun)
    {
        if (!http.RequestServices.GetRequiredService<AdminAccessHandler>().Allows(http.User, http, OfficerRoles.Operator))
        {
            html.Append($"<p class=\"text-muted\" id=\"role-needed\">{E(text.OperatorRoleNeeded)}</p>");
            return;
        }

        html.Append($"<p>{E(actsOn)}</p>{choice}")
            .Append($"<div class=\"form-group\"><label for=\"reason\">{E(text.ReasonPlaceholder)}</label>")
            .Append($"<input id=\"reason\" name=\"reason\" class=\"form-control\" placeholder=\"{E(reasonExample)}\" /></div>");
        if (dryRun)
        {
            html.Append($"<button type=\"submit\" name=\"action\" value=\"dry-run\" class=\"btn btn-default\" id=\"dry-run\">{E(text.DryRun)}</button> ");
        }

        html.Append($"<button type=\"submit\" name=\"action\" value=\"replay\" class=\"btn btn-primary\" id=\"replay\">{E(text.Replay)}</button> ")
            .Append($"<button type=\"submit\" name=\"action\" value=\"discard\" class=\"btn btn-danger\" id=\"discard\">{E(text.Discard)}</button>");
    }
}
