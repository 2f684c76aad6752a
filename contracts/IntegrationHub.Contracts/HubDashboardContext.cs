using Microsoft.AspNetCore.Http;

namespace IntegrationHub.Contracts;

/// <summary>One request to a module's dashboard page or action.</summary>
/// <param name="Http">The request; its <c>RequestServices</c> resolve the module's services.</param>
/// <param name="Operator">The signed-in admin's name, as audit records name them.</param>
/// <param name="AntiforgeryToken">To put in a form's hidden <c>__RequestVerificationToken</c> field.</param>
/// <param name="DashboardPath">The dashboard's base path (e.g. <c>/hangfire</c>), to build links to its pages.</param>
public sealed record HubDashboardContext(HttpContext Http, string Operator, string? AntiforgeryToken, string DashboardPath)
{
    /// <summary>An absolute path to a dashboard page, e.g. <c>To("/messages")</c>.</summary>
    public string To(string path) => DashboardPath + path;

    /// <summary>An absolute path to the hub's own HTTP API, which is mounted beside the dashboard, e.g.
    /// <c>Api("/api/citizen-lookups.csv")</c> for a download link.</summary>
    public string Api(string path) => DashboardPath[..Math.Max(0, DashboardPath.LastIndexOf('/'))] + path;

    public string? Query(string name) => Http.Request.Query[name].FirstOrDefault();
}
