using System.Text.Json;
using IntegrationHub.Connectors.Kit;

namespace IntegrationHub.Connectors.IGate.Api;

/// <summary>Paths of the iGate API, resolved under <see cref="IGateOptions.BaseUrl"/> (which may itself have a path),
/// and how the connector reaches it: API key in <c>X-Api-Key</c>, JSON bodies, errors as <see cref="IGateErrorReply"/>.</summary>
internal static class IGateUrls
{
    public const string ProceduresBatch = "api/v1/procedures/batch";
    public const string PaymentsBatch = "api/v1/payments/batch";
    public const string EvaluationsBatch = "api/v1/evaluations/batch";
    public const string CitizenChecksBatch = "api/v1/citizen-checks/batch";
    public const string ECopies = "api/v1/e-copies";
    public const string DeliveryStatusBatch = "api/v1/delivery-status/batch";
    public const string DossierChanges = "api/v1/dossiers/changes";
    public const string ProgressChanges = "api/v1/progress/changes";
    public const string Ping = "api/v1/ping";
    public const string ApiKeyHeader = "X-Api-Key";

    /// <summary>iGate's HTTP API over the host's HttpClient: the kit's failure rule in iGate's codes
    /// (<c>IGATE-HTTP-503</c>, <c>IGATE-TIMEOUT</c>...), iGate's own error code and message taking the place of the
    /// HTTP status when its error body has one.</summary>
    public static CounterpartyHttpClient Client(IGateOptions options, HttpClient httpClient) =>
        new(httpClient, new CounterpartyEndpoint(options.BaseUrl, new HttpCounterparty("iGate", HttpFailureCodes.Prefixed("IGATE"))
        {
            CredentialsHint = "Check Connectors:igate:ApiKey.",
            AddressHint = "Check Connectors:igate:BaseUrl.",
        })
        {
            Auth = HttpAuth.ApiKey(ApiKeyHeader, options.ApiKey),
            ReadError = ErrorOf,
        });

    private static CounterpartyError? ErrorOf(string body)
    {
        var error = JsonSerializer.Deserialize<IGateErrorReply>(body, JsonSerializerOptions.Web);
        return error?.ErrorCode is { Length: > 0 } code ? new CounterpartyError(code, error.ErrorMessage) : null;
    }
}
