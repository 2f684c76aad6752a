using Microsoft.AspNetCore.Http;

namespace IntegrationHub.Contracts;

/// <summary>One request to a module's dashboard page or action.</summary>
/// <param name="Http">The request; its <c>RequestServices</c> resolve the module's services.</param>
/// <param name="Operator">The signed-in admin's name, as audit records name them.</param>
/// <param name="AntiforgeryToken">To put in a form's hidden <c>__RequestVerificationToken</c> field.</param>
/// <param name="DashboardPath">The dashboard's base path (e.g. <c>/hangfire</c>), to build links to its pages.</param>
public sealed record HubDashboardContext(HttpContext Http, string Operator, string? AntiforgeryToken, string DashboardPath)
{
    /// <summary>The officer's language: <c>vi</c> (the default) or <c>en</c>; pick labels with <see cref="Text"/>.</summary>
    public required string Language { get; init; }

    /// <summary>The zone the dashboard shows times in (<c>Hub:Scheduling:DefaultTimeZone</c>).</summary>
    public required TimeZoneInfo TimeZone { get; init; }

    /// <summary>The <see cref="HubPolicies"/> the officer meets, to leave out a button the officer may not use (the host
    /// refuses its POST anyway).</summary>
    public required IReadOnlySet<string> Policies { get; init; }

    /// <summary>The label in the officer's language, e.g. <c>Text("Đối soát", "Reconciliations")</c>.</summary>
    public string Text(string vietnamese, string english) => Language == "en" ? english : vietnamese;

    /// <summary>A time as the dashboard shows it: local, <c>yyyy-MM-dd HH:mm:ss</c>; name the zone once per page (<see cref="ZoneLabel"/>).</summary>
    public string Time(DateTimeOffset at) => HubHtml.Time(at, TimeZone);

    /// <summary>The zone as a page names it once, e.g. <c>Asia/Ho_Chi_Minh, UTC+07:00</c>.</summary>
    public required string ZoneLabel { get; init; }

    /// <summary>Whether the officer meets <paramref name="policy"/> (<see cref="HubPolicies"/>).</summary>
    public bool Meets(string policy) => Policies.Contains(policy);

    /// <summary>An absolute path to a dashboard page, e.g. <c>To("/messages")</c>.</summary>
    public string To(string path) => DashboardPath + path;

    /// <summary>An absolute path to the hub's own HTTP API, which is mounted beside the dashboard, e.g.
    /// <c>Api("/api/citizen-lookups.csv")</c> for a download link.</summary>
    public string Api(string path) => DashboardPath[..Math.Max(0, DashboardPath.LastIndexOf('/'))] + path;

    public string? Query(string name) => Http.Request.Query[name].FirstOrDefault();
}
