using System.Net;
using IntegrationHub.Connectors.Kit;
using Xunit;

namespace IntegrationHub.Connectors.Tests.Kit;

/// <summary>Retry-After in both forms RFC 9110 allows, read the same from RestSharp and HttpClient replies, and honoured
/// only on a Transient status.</summary>
public sealed class RetryAfterReaderTests
{
    private const string Sent = "Tue, 04 Mar 2025 10:00:00 GMT";

    public static TheoryData<string?, string?, int?> Forms => new()
    {
        { "7", Sent, 7 },
        { "0", Sent, 0 },
        { "Tue, 04 Mar 2025 10:00:30 GMT", Sent, 30 },
        { "Tue, 04 Mar 2025 09:59:00 GMT", Sent, 0 },
        { "Tue, 04 Mar 2025 10:00:30 GMT", null, null },
        { null, Sent, null },
        { "soon", Sent, null },
        { "-5", Sent, null },
    };

    [Theory]
    [MemberData(nameof(Forms))]
    public void Retry_After_from_HttpClient(string? retryAfter, string? date, int? seconds)
    {
        using var response = Http(HttpStatusCode.ServiceUnavailable, retryAfter, date);

        Assert.Equal(Seconds(seconds), RetryAfterReader.Read(response));
    }

    [Theory]
    [MemberData(nameof(Forms))]
    public void Retry_After_from_RestSharp(string? retryAfter, string? date, int? seconds)
    {
        Assert.Equal(Seconds(seconds), RetryAfterReader.Read(Rest(HttpStatusCode.ServiceUnavailable, retryAfter, date)));
    }

    [Theory]
    [InlineData(429)]
    [InlineData(503)]
    public void A_transient_failure_carries_Retry_After(int status)
    {
        using var response = Http((HttpStatusCode)status, "7", Sent);

        Assert.Equal(TimeSpan.FromSeconds(7), Classifier().Classify(response)!.RetryAfter);
        Assert.Equal(TimeSpan.FromSeconds(7), Classifier().Classify(Rest((HttpStatusCode)status, "7", Sent))!.RetryAfter);
    }

    [Fact]
    public void Retry_After_is_capped_so_a_far_date_cannot_park_messages_for_days()
    {
        var classifier = new HttpFailureClassifier(new HttpCounterparty("The probe", HttpFailureCodes.Prefixed("PROBE")) { MaxRetryAfter = TimeSpan.FromMinutes(5) });
        using var response = Http(HttpStatusCode.ServiceUnavailable, "Fri, 04 Apr 2025 10:00:00 GMT", Sent);

        Assert.Equal(TimeSpan.FromMinutes(5), classifier.Classify(response)!.RetryAfter);
        Assert.Equal(TimeSpan.FromHours(1), Classifier().Classify(Rest(HttpStatusCode.TooManyRequests, "86400", Sent))!.RetryAfter);
    }

    [Theory]
    [InlineData(400)]
    [InlineData(401)]
    public void A_failure_that_is_not_transient_ignores_Retry_After(int status)
    {
        using var response = Http((HttpStatusCode)status, "7", Sent);

        Assert.Null(Classifier().Classify(response)!.RetryAfter);
    }

    private static HttpFailureClassifier Classifier() => new(new HttpCounterparty("The probe", HttpFailureCodes.Prefixed("PROBE")));

    private static TimeSpan? Seconds(int? seconds) => seconds is { } s ? TimeSpan.FromSeconds(s) : null;

    private static HttpResponseMessage Http(HttpStatusCode status, string? retryAfter, string? date)
    {
        var response = new HttpResponseMessage(status);
        if (retryAfter is not null)
        {
            response.Headers.TryAddWithoutValidation("Retry-After", retryAfter);
        }

        if (date is not null)
        {
            response.Headers.TryAddWithoutValidation("Date", date);
        }

        return response;
    }

    private static RestSharp.RestResponse Rest(HttpStatusCode status, string? retryAfter, string? date) =>
        HttpFailureClassifierTests.Rest(
            status,
            [.. new[] { ("Retry-After", retryAfter), ("Date", date) }.Where(h => h.Item2 is not null).Select(h => (h.Item1, h.Item2!))]);
}
