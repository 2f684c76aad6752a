using IntegrationHub.Contracts;
using IntegrationHub.Host.Storage;
using IntegrationHub.Contracts.Text;

namespace IntegrationHub.Host.Admin.Dashboard;

/// <summary>The dead-letter page's POST: dry run, replay or discard, then back to the page with the outcome.</summary>
public sealed class DeadLetterActionDispatcher : FormPostDispatcher
{
    public const string Path = "/dead-letters/act";

    protected override async Task HandleAsync(HttpContext http, IFormCollection formValues)
    {
        // Form fields as the query string's: in NFC, and (being only searched for) anything unstorable replaced.
        string? Field(string name) => StorableText.Sanitize(formValues[name].FirstOrDefault());
        var form = DeadLetterForm.FromQuery(Field);
        var ids = Ids(formValues, "messageIds");
        var selection = ids.Count > 0 ? form.Selection with { MessageIds = ids } : form.Selection;
        var action = formValues["action"].FirstOrDefault() ?? "dry-run";
        var reason = Field("reason");
        var operations = http.RequestServices.GetRequiredService<DeadLetterOperations>();
        var back = $"{http.Request.PathBase}{DeadLettersPage.Path}?{form.QueryString()}";

        if (form.DateProblem is { } dateProblem)
        {
            http.Response.Redirect($"{back}&error={Uri.EscapeDataString(dateProblem)}");
            return;
        }

        if (DeadLetterOperations.Refusal(selection, reason, dryRun: action == "dry-run") is { } refusal)
        {
            http.Response.Redirect($"{back}&error={Uri.EscapeDataString(refusal.Message)}");
            return;
        }

        string outcome;
        if (action is "replay" or "discard")
        {
            var operatorName = OperatorName.Of(http);
            var result = action == "replay"
                ? await operations.ReplayAsync(selection, operatorName, reason!, http.RequestAborted)
                : await operations.DiscardAsync(selection, operatorName, reason!, http.RequestAborted);
            outcome = $"{(action == "replay" ? "Replayed" : "Discarded")} {result.Count} message(s) as action #{result.ActionId} by {result.Operator}.";
        }
        else
        {
            var (total, _) = await operations.PreviewAsync(selection, 1, http.RequestAborted);
            outcome = $"Dry run: {Math.Min(total, DeadLetterStore.MaxPerAction)} message(s) would be affected; nothing was changed.";
        }

        http.Response.Redirect($"{back}&done={Uri.EscapeDataString(outcome)}");
    }
}
