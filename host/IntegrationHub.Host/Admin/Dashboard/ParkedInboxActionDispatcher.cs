using IntegrationHub.Contracts;
using IntegrationHub.Contracts.Text;

namespace IntegrationHub.Host.Admin.Dashboard;

/// <summary>The parked-inbox page's POST: replay or discard the ticked messages, or all of them when "all" is chosen,
/// then back to the page with the outcome in the officer's language.</summary>
public sealed class ParkedInboxActionDispatcher : FormPostDispatcher
{
    public const string Path = "/inbox-parked/act";

    protected override async Task HandleAsync(HttpContext http, IFormCollection form)
    {
        var ids = Ids(form, "ids");
        // Every parked message only when "all" is chosen on purpose, never because nothing was ticked.
        var all = form["all"].Contains("true", StringComparer.Ordinal);
        var action = form["action"].FirstOrDefault();
        // The reason as the API's: in NFC, and what PostgreSQL cannot store (a NUL) replaced, not a 500 at the insert.
        var reason = StorableText.Sanitize(form["reason"].FirstOrDefault());
        var back = $"{http.Request.PathBase}{ParkedInboxPage.Path}";
        var text = DashboardLanguage.TextOf(http);
        if (action is not ("replay" or "discard"))
        {
            http.Response.Redirect($"{back}?error={Uri.EscapeDataString(text.ChooseReplayOrDiscard)}");
            return;
        }

        if (ParkedInboxOperations.Refusal(ids, all, reason) is { } refusal)
        {
            var message = refusal.Code switch
            {
                "selection_required" => text.ParkedSelectionRequired,
                "reason_required" => text.ReasonRequired,
                _ => refusal.Message,
            };
            http.Response.Redirect($"{back}?error={Uri.EscapeDataString(message)}");
            return;
        }

        var operations = http.RequestServices.GetRequiredService<ParkedInboxOperations>();
        var selected = all ? null : ids;
        var operatorName = OperatorName.Of(http);
        var result = action == "replay"
            ? await operations.ReplayAsync(selected, operatorName, reason!, http.RequestAborted)
            : await operations.DiscardAsync(selected, operatorName, reason!, http.RequestAborted);
        var outcome = text.Format(action == "replay" ? text.ReplayedFormat : text.DiscardedFormat, text.Number(result.Count), result.ActionId, result.Operator);
        http.Response.Redirect($"{back}?done={Uri.EscapeDataString(outcome)}");
    }
}
