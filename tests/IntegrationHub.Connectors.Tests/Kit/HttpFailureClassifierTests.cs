using System.Net;
using IntegrationHub.Connectors.Kit;
using IntegrationHub.Contracts;
using Polly.Timeout;
using RestSharp;
using Xunit;

namespace IntegrationHub.Connectors.Tests.Kit;

/// <summary>The one HTTP failure rule every connector shares, over both response types it reads.</summary>
public sealed class HttpFailureClassifierTests
{
    private static readonly HttpFailureClassifier Classifier = new(new HttpCounterparty("The probe", HttpFailureCodes.Prefixed("PROBE")));

    public static TheoryData<int, FailureKind?, string?> Statuses => new()
    {
        { 200, null, null },
        { 204, null, null },
        { 401, FailureKind.Config, "PROBE-HTTP-401" },
        { 403, FailureKind.Config, "PROBE-HTTP-403" },
        { 408, FailureKind.Transient, "PROBE-HTTP-408" },
        { 429, FailureKind.Transient, "PROBE-HTTP-429" },
        { 500, FailureKind.Transient, "PROBE-HTTP-500" },
        { 502, FailureKind.Transient, "PROBE-HTTP-502" },
        { 503, FailureKind.Transient, "PROBE-HTTP-503" },
        { 504, FailureKind.Transient, "PROBE-HTTP-504" },
        { 400, FailureKind.Permanent, "PROBE-HTTP-400" },
        { 404, FailureKind.Permanent, "PROBE-HTTP-404" },
        { 409, FailureKind.Permanent, "PROBE-HTTP-409" },
        { 422, FailureKind.Permanent, "PROBE-HTTP-422" },
        { 302, FailureKind.Config, "PROBE-HTTP-302" },
    };

    [Theory]
    [MemberData(nameof(Statuses))]
    public void A_status_from_HttpClient_is_classified_by_the_one_rule(int status, FailureKind? kind, string? code)
    {
        using var response = new HttpResponseMessage((HttpStatusCode)status);

        var failure = Classifier.Classify(response);

        Assert.Equal((kind, code), (failure?.Kind, failure?.Code));
    }

    [Theory]
    [MemberData(nameof(Statuses))]
    public void A_status_from_RestSharp_is_classified_by_the_same_rule(int status, FailureKind? kind, string? code)
    {
        var failure = Classifier.Classify(Rest((HttpStatusCode)status));

        Assert.Equal((kind, code), (failure?.Kind, failure?.Code));
    }

    [Theory]
    [InlineData(404)]
    [InlineData(405)]
    public void A_status_the_counterparty_declares_a_wrong_address_is_Config(int status)
    {
        var classifier = new HttpFailureClassifier(new HttpCounterparty("The probe", HttpFailureCodes.Prefixed("PROBE"))
        {
            WrongAddressStatuses = new HashSet<int> { 404, 405 },
            AddressHint = "Check Connectors:probe:BaseUrl.",
        });
        using var response = new HttpResponseMessage((HttpStatusCode)status);

        var failure = classifier.Classify(response)!;

        Assert.Equal(FailureKind.Config, failure.Kind);
        Assert.EndsWith("Check Connectors:probe:BaseUrl.", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Credentials_refused_name_the_setting_to_check()
    {
        var classifier = new HttpFailureClassifier(new HttpCounterparty("The probe", HttpFailureCodes.Prefixed("PROBE")) { CredentialsHint = "Check Connectors:probe:ApiKey." });
        using var response = new HttpResponseMessage(HttpStatusCode.Unauthorized) { ReasonPhrase = "Unauthorized" };

        var failure = classifier.Classify(response)!;

        Assert.Equal("The probe refused the credentials (HTTP 401): Unauthorized. Check Connectors:probe:ApiKey.", failure.Message);
    }

    [Fact]
    public void The_counterpartys_own_error_replaces_the_status_code_and_reason()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.UnprocessableEntity) { ReasonPhrase = "Unprocessable Entity" };

        var failure = Classifier.Classify(response, new CounterpartyError("PROBE-422", "field x is missing"))!;

        Assert.Equal((FailureKind.Permanent, "PROBE-422"), (failure.Kind, failure.Code));
        Assert.Equal("The probe refused the call (HTTP 422): field x is missing", failure.Message);
    }

    [Fact]
    public void A_connector_can_keep_codes_of_its_own_scheme()
    {
        var classifier = new HttpFailureClassifier(new HttpCounterparty("the portal", new HttpFailureCodes("timeout", "network", "http-", "malformed-reply")));

        Assert.Equal("http-503", classifier.FromStatus(503, null, null).Code);
        Assert.Equal("timeout", classifier.FromException(new TimeoutException()).Code);
        Assert.Equal("network", classifier.FromException(new HttpRequestException("refused")).Code);
        Assert.Equal("malformed-reply", classifier.Malformed("not JSON").Code);
    }

    [Fact]
    public void A_reply_that_cannot_be_read_is_Transient()
    {
        var failure = Classifier.Malformed("no \"results\" array");

        Assert.Equal((FailureKind.Transient, "PROBE-MALFORMED"), (failure.Kind, failure.Code));
        Assert.Equal("The probe sent a reply that cannot be read: no \"results\" array", failure.Message);
    }

    public static TheoryData<Exception, string> Exceptions => new()
    {
        { new HttpRequestException("Connection refused"), "PROBE-NETWORK" },
        { new IOException("The response ended prematurely."), "PROBE-NETWORK" },
        { new IOException("The body sent nothing (DownloadIdleTimeout).", new OperationCanceledException()), "PROBE-NETWORK" },
        { new TaskCanceledException("HttpClient.Timeout of 100 seconds elapsing", new TimeoutException()), "PROBE-TIMEOUT" },
        { new TimeoutException("The request channel timed out."), "PROBE-TIMEOUT" },
        { new TimeoutRejectedException("The operation didn't complete within the allowed timeout of '00:00:10'."), "PROBE-TIMEOUT" },
    };

    [Theory]
    [MemberData(nameof(Exceptions))]
    public void No_answer_is_Transient_and_a_timeout_is_told_apart(Exception exception, string code)
    {
        var failure = Classifier.FromException(exception);

        Assert.Equal((FailureKind.Transient, code), (failure.Kind, failure.Code));
        Assert.Contains(exception.Message, failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ResponseStatus.TimedOut, null, "PROBE-TIMEOUT")]
    [InlineData(ResponseStatus.Error, typeof(HttpRequestException), "PROBE-NETWORK")]
    [InlineData(ResponseStatus.Error, typeof(TimeoutRejectedException), "PROBE-TIMEOUT")]
    public void No_answer_through_RestSharp_is_Transient_and_a_timeout_is_told_apart(ResponseStatus responseStatus, Type? exceptionType, string code)
    {
        var response = Rest(0);
        response.ResponseStatus = responseStatus;
        response.ErrorException = exceptionType is null ? null : (Exception)Activator.CreateInstance(exceptionType, "no answer")!;

        var failure = Classifier.Classify(response)!;

        Assert.Equal((FailureKind.Transient, code), (failure.Kind, failure.Code));
    }

    internal static RestResponse Rest(HttpStatusCode status, params (string Name, string Value)[] headers) =>
        new(new RestRequest())
        {
            StatusCode = status,
            ResponseStatus = status == 0 ? ResponseStatus.Error : ResponseStatus.Completed,
            Headers = headers.Select(h => new HeaderParameter(h.Name, h.Value)).ToList(),
        };
}
