using System.Text;
using IntegrationHub.Contracts;
using IntegrationHub.Contracts.Text;
using Microsoft.AspNetCore.Http;
using static IntegrationHub.Contracts.HubHtml;

namespace IntegrationHub.Connectors.PopulationDb.Citizens;

/// <summary>The citizen-lookups page's reveal form: records the reveal with the admin's name and reason, then answers
/// the full id in this response only (never in a redirect URL, which browsers and proxies keep), not cached.</summary>
public sealed class CitizenRevealAction(CitizenLookupStore store, TimeProvider clock) : IHubDashboardAction
{
    public const string ActionPath = "/citizen-lookups/reveal";

    public string Path => ActionPath;

    public string Policy => HubPolicies.Auditor;

    public async Task HandleAsync(HubDashboardContext page, IFormCollection form)
    {
        var http = page.Http;

        // Back to the page as it was filtered, so the admin sees the same rows.
        // Form fields in NFC, anything PostgreSQL cannot store replaced (the reason is kept, the dossier searched for).
        var dossier = StorableText.Sanitize(form["dossier"].FirstOrDefault());
        var back = $"{page.To(CitizenLookupsPage.PagePath)}?dossier={Uri.EscapeDataString(dossier ?? string.Empty)}";
        if (!long.TryParse(form["lookupId"].FirstOrDefault(), out var lookupId))
        {
            http.Response.Redirect($"{back}&error={Uri.EscapeDataString("No lookup was chosen.")}");
            return;
        }

        var reason = StorableText.Sanitize(form["reason"].FirstOrDefault())?.Trim();
        if (!CitizenLookupsEndpoints.IsAcceptableReason(reason))
        {
            var message = $"A reason of {CitizenLookupsEndpoints.MinReasonLength} to {CitizenLookupsEndpoints.MaxReasonLength} characters is required to reveal lookup #{lookupId}; nothing was revealed.";
            http.Response.Redirect($"{back}&error={Uri.EscapeDataString(message)}");
            return;
        }

        var user = $"admin:{page.Operator}";
        var personalId = await store.RevealAsync(lookupId, user, reason, clock.GetUtcNow(), http.RequestAborted);
        if (personalId is null)
        {
            http.Response.Redirect($"{back}&error={Uri.EscapeDataString($"There is no lookup #{lookupId}.")}");
            return;
        }

        http.Response.Headers.CacheControl = "no-store";
        http.Response.ContentType = "text/html; charset=utf-8";
        var html = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Revealed personal id</title></head><body style=\"font-family:sans-serif;margin:40px\">")
            .Append($"<h1>Lookup #{lookupId}</h1><p>Personal id: <code id=\"personal-id\" style=\"font-size:1.4em\">{E(personalId)}</code></p>")
            .Append($"<p>This reveal is recorded: {E(user)}, reason “{E(reason)}”.</p><p><a id=\"back\" href=\"{E(back)}\">Back to the lookups</a></p></body></html>");
        await http.Response.WriteAsync(html.ToString(), http.RequestAborted);
    }
}
