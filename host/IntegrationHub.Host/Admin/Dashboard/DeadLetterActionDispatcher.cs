using IntegrationHub.Contracts;
using IntegrationHub.Contracts.Text;
using IntegrationHub.Host.Scheduling;
using IntegrationHub.Host.Storage;

namespace IntegrationHub.Host.Admin.Dashboard;

/// <summary>The dead-letter page's POST: dry run, replay or discard, then back to the page with the outcome in the
/// officer's language.</summary>
public sealed class DeadLetterActionDispatcher : FormPostDispatcher
{
    public const string Path = "/dead-letters/act";

    protected override async Task HandleAsync(HttpContext http, IFormCollection formValues)
    {
        // Form fields as the query string's: in NFC, and (being only searched for) anything unstorable replaced.
        string? Field(string name) => StorableText.Sanitize(formValues[name].FirstOrDefault());
        var text = DashboardLanguage.TextOf(http);
        var form = DeadLetterForm.FromQuery(http.RequestServices.GetRequiredService<HubClock>().Zone, Field);
        var ids = Ids(formValues, "messageIds");
        var selection = ids.Count > 0 ? form.Selection with { MessageIds = ids } : form.Selection;
        var action = formValues["action"].FirstOrDefault() ?? "dry-run";
        var reason = Field("reason");
        var operations = http.RequestServices.GetRequiredService<DeadLetterOperations>();
        var back = $"{http.Request.PathBase}{DeadLettersPage.Path}?{form.QueryString()}";

        if (form.HasDateProblem)
        {
            http.Response.Redirect($"{back}&error={Uri.EscapeDataString(text.DateFormatProblem)}");
            return;
        }

        if (DeadLetterOperations.Refusal(selection, reason, dryRun: action == "dry-run") is { } refusal)
        {
            var message = refusal.Code switch
            {
                "selection_required" => text.DeadLetterSelectionRequired,
                "invalid_range" => text.InvalidRange,
                "reason_required" => text.ReasonRequired,
                _ => refusal.Message,
            };
            http.Response.Redirect($"{back}&error={Uri.EscapeDataString(message)}");
            return;
        }

        string outcome;
        if (action is "replay" or "discard")
        {
            var operatorName = OperatorName.Of(http);
            var result = action == "replay"
                ? await operations.ReplayAsync(selection, operatorName, reason!, http.RequestAborted)
                : await operations.DiscardAsync(selection, operatorName, reason!, http.RequestAborted);
            outcome = text.Format(action == "replay" ? text.ReplayedFormat : text.DiscardedFormat, text.Number(result.Count), result.ActionId, result.Operator);
        }
        else
        {
            var (total, _) = await operations.PreviewAsync(selection, 1, http.RequestAborted);
            outcome = text.Format(text.DryRunFormat, text.Number(Math.Min(total, DeadLetterStore.MaxPerAction)));
        }

        http.Response.Redirect($"{back}&done={Uri.EscapeDataString(outcome)}");
    }
}
