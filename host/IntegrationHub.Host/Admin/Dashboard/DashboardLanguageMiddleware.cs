namespace IntegrationHub.Host.Admin.Dashboard;

/// <summary>Keeps a dashboard user's <c>?lang=</c> choice in a cookie scoped to the dashboard, so every page after it
/// (and the menu) speaks that language until the user switches back.</summary>
public sealed class DashboardLanguageMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext http)
    {
        if (DashboardLanguage.Asked(http) is { } language)
        {
            http.Response.Cookies.Append(DashboardLanguage.CookieName, language, new CookieOptions
            {
                Path = $"{http.Request.PathBase}{DashboardPages.BasePath}",
                HttpOnly = true,
                SameSite = SameSiteMode.Lax,
                Secure = http.Request.IsHttps,
                MaxAge = TimeSpan.FromDays(365),
                IsEssential = true,
            });
        }

        return next(http);
    }
}
