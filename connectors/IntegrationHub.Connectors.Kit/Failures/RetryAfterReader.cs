using System.Globalization;
using RestSharp;

namespace IntegrationHub.Connectors.Kit;

/// <summary>Reads Retry-After as delta-seconds or as an HTTP date (RFC 9110 allows both), from a RestSharp response or
/// an <see cref="HttpResponseMessage"/>. A date is measured against the reply's own Date header, so no local clock is
/// involved and skew between the two machines does not matter; a date without a Date header is ignored.</summary>
public static class RetryAfterReader
{
    public static TimeSpan? Read(RestResponse response) =>
        Parse(response.GetHeaderValue("Retry-After"), response.GetHeaderValue("Date"));

    public static TimeSpan? Read(HttpResponseMessage response) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } retryAt } when response.Headers.Date is { } sentAt => NotNegative(retryAt - sentAt),
        _ => null,
    };

    /// <param name="retryAfter">The Retry-After header's value.</param>
    /// <param name="date">The reply's Date header, against which an HTTP date is measured.</param>
    public static TimeSpan? Parse(string? retryAfter, string? date)
    {
        var value = retryAfter?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return TimeSpan.FromSeconds(seconds);
        }

        return TryParseHttpDate(value, out var retryAt) && TryParseHttpDate(date, out var sentAt)
            ? NotNegative(retryAt - sentAt)
            : null;
    }

    private static TimeSpan NotNegative(TimeSpan wait) => wait > TimeSpan.Zero ? wait : TimeSpan.Zero;

    private static bool TryParseHttpDate(string? text, out DateTimeOffset value) =>
        DateTimeOffset.TryParseExact(text?.Trim(), "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value);
}
