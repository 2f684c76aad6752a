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

    /// <summary>Times as operators read them: Vietnam local time.</summary>
    public static string Time(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, Vietnam).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

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
