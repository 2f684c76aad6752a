namespace IntegrationHub.Host.Admin;

/// <summary>Headers a browser needs so the dashboard cannot be framed by another site (an operator tricked into
/// clicking "Replay"), content types are not sniffed, and admin answers holding personal data are not cached.</summary>
public static class SecurityHeaders
{
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            // same-origin, not no-referrer: under no-referrer a browser sends "Origin: null" on the dashboard's own form posts,
            // which the cross-site and loopback checks rightly refuse.
            headers["Referrer-Policy"] = "same-origin";
            headers.ContentSecurityPolicy = "frame-ancestors 'none'";
            var path = context.Request.Path;
            if ((path.StartsWithSegments("/api") || path.StartsWithSegments("/hangfire")) && string.IsNullOrEmpty(headers.CacheControl))
            {
                headers.CacheControl = "no-store";
            }

            return Task.CompletedTask;
        });
        return next(context);
    });
}
