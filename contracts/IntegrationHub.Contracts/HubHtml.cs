using System.Globalization;
using System.Net;

using Microsoft.AspNetCore.Http;

namespace IntegrationHub.Contracts;

/// <summary>Encoding and formatting for the dashboard pages' hand-written HTML.</summary>
public static class HubHtml
{
    private static readonly TimeZoneInfo Vietnam = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");

    public static string E(string? text) => WebUtility.HtmlEncode(text ?? string.Empty);

    public static string Url(string? text) => WebUtility.UrlEncode(text ?? string.Empty);

    /// <summary>Vietnam local time, for exports whose columns say so (<c>..._ict</c>). A page shows times in the
    /// configured zone instead: <see cref="HubDashboardContext.Time"/>.</summary>
    public static string Time(DateTimeOffset at) => Time(at, Vietnam);

    /// <summary>A time as operators read it: local to <paramref name="zone"/>, <c>yyyy-MM-dd HH:mm:ss</c>.</summary>
    public static string Time(DateTimeOffset at, TimeZoneInfo zone) => TimeZoneInfo.ConvertTime(at, zone).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    public static string StatusLabel(string status) => status switch
    {
        "delivered" => "label-success",
        "skipped" => "label-primary",
        "dead" => "label-danger",
        "waiting" => "label-warning",
        "pending" => "label-info",
        _ => "label-default",
    };
}
