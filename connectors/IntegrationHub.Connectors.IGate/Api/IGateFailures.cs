using System.Text.Json;
using IntegrationHub.Connectors.Kit;
using IntegrationHub.Contracts;
using RestSharp;

namespace IntegrationHub.Connectors.IGate.Api;

/// <summary>iGate's failures: the kit's <see cref="HttpFailureClassifier"/> rule, with iGate's own error code and
/// message (<see cref="IGateErrorReply"/>) taking the place of the HTTP status when its error body has one.</summary>
internal static class IGateFailures
{
    private static readonly HttpFailureClassifier Http = new(new HttpCounterparty("iGate", HttpFailureCodes.Prefixed("IGATE"))
    {
        CredentialsHint = "Check Connectors:igate:ApiKey.",
        AddressHint = "Check Connectors:igate:BaseUrl.",
    });

    /// <returns>Null when the call succeeded (2xx).</returns>
    public static ConnectorFailure? Classify(RestResponse response) =>
        Http.Classify(response, response.IsSuccessStatusCode ? null : ErrorOf(response.Content));

    public static ConnectorFailure Malformed(string problem) => Http.Malformed(problem);

    private static CounterpartyError? ErrorOf(string? content)
    {
        if (string.IsNullOrWhiteSpace(content))
        {
            return null;
        }

        try
        {
            var error = JsonSerializer.Deserialize<IGateErrorReply>(content, JsonSerializerOptions.Web);
            return error?.ErrorCode is { Length: > 0 } code ? new CounterpartyError(code, error.ErrorMessage) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
