using System.Text;
using IntegrationHub.Contracts;
using IntegrationHub.Host.Citizens;
using IntegrationHub.Contracts.Text;
using static IntegrationHub.Contracts.HubHtml;

namespace IntegrationHub.Host.Admin.Dashboard;

/// <summary>The citizen-lookups page's reveal form: records the reveal with the admin's name and reason, then answers
/// the full id in this response only (never in a redirect URL, which browsers and proxies keep), not cached.</summary>
public sealed class CitizenRevealDispatcher : FormPostDispatcher
{
    public const string Path = "/citizen-lookups/reveal";

    protected override async Task HandleAsync(HttpContext http, IFormCollection form)
    {
        // Back to the page as it was filtered, so the admin sees the same rows.
        // Form fields in NFC, anything PostgreSQL cannot store replaced (the reason is kept, the dossier searched for).
        var dossier = StorableText.Sanitize(form["dossier"].FirstOrDefault());
        var back = $"{http.Request.PathBase}{CitizenLookupsPage.Path}?dossier={Uri.EscapeDataString(dossier ?? string.Empty)}";
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

        var user = $"admin:{OperatorName.Of(http)}";
        var clock = http.RequestServices.GetRequiredService<TimeProvider>();
        var personalId = await http.RequestServices.GetRequiredService<CitizenLookupStore>().RevealAsync(lookupId, user, reason, clock.GetUtcNow(), http.RequestAborted);
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
