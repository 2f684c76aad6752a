using System.Globalization;
using RestSharp;

namespace IntegrationHub.Connectors.Kit;

/// <summary>Reads Retry-After as seconds or as an HTTP date. A date is measured against the reply's own Date header,
/// so no local clock is involved (and skew between the two machines does not matter).</summary>
public static class RetryAfterReader
{
    public static TimeSpan? Read(RestResponse response)
    {
        var value = response.GetHeaderValue("Retry-After")?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return TimeSpan.FromSeconds(seconds);
        }

        if (TryParseHttpDate(value, out var retryAt) && TryParseHttpDate(response.GetHeaderValue("Date"), out var sentAt))
        {
            var wait = retryAt - sentAt;
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        return null;
    }

    private static bool TryParseHttpDate(string? text, out DateTimeOffset value) =>
        DateTimeOffset.TryParseExact(text?.Trim(), "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value);
}
