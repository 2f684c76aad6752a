using IntegrationHub.Host.Configuration;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Host.Admin.Dashboard;

/// <summary>Which language a dashboard request is answered in: <c>?lang=vi|en</c> on the request, else the user's choice
/// kept in a cookie, else <c>Hub:Dashboard:Language</c>. <see cref="DashboardLanguageMiddleware"/> keeps the choice.</summary>
public sealed class DashboardLanguage(IOptions<HubOptions> options)
{
    public const string QueryName = "lang";
    public const string CookieName = "hub-dashboard-lang";

    /// <summary>The labels for this request (from a page: <c>DashboardLanguage.TextOf(Context.GetHttpContext())</c>).</summary>
    public DashboardText Text(HttpContext http) => DashboardText.For(Choose(http));

    /// <summary>The labels for a request, from the service registered in its container.</summary>
    public static DashboardText TextOf(HttpContext http) => http.RequestServices.GetRequiredService<DashboardLanguage>().Text(http);

    /// <summary>The language asked for on this request, if it names one (the cookie is not consulted).</summary>
    public static string? Asked(HttpContext http) =>
        http.Request.Query[QueryName].FirstOrDefault() is { } asked && DashboardText.IsLanguage(asked) ? asked : null;

    private string Choose(HttpContext http) =>
        Asked(http)
        ?? (http.Request.Cookies[CookieName] is { } kept && DashboardText.IsLanguage(kept) ? kept : null)
        ?? options.Value.Dashboard.Language;
}
