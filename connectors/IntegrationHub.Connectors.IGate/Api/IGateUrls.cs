using IntegrationHub.Connectors.Kit;
using IntegrationHub.Contracts;

namespace IntegrationHub.Connectors.IGate.Api;

/// <summary>Paths of the iGate API, resolved under <see cref="IGateOptions.BaseUrl"/> (which may itself have a path).</summary>
internal static class IGateUrls
{
    public const string ProceduresBatch = "api/v1/procedures/batch";
    public const string PaymentsBatch = "api/v1/payments/batch";
    public const string EvaluationsBatch = "api/v1/evaluations/batch";
    public const string CitizenChecksBatch = "api/v1/citizen-checks/batch";
    public const string Ping = "api/v1/ping";
    public const string ApiKeyHeader = "X-Api-Key";

    public static Uri Resolve(string baseUrl, string path)
    {
        if (!AbsoluteHttpUrlAttribute.IsAbsoluteHttpUrl(baseUrl))
        {
            throw new ConnectorException(new ConnectorFailure(
                FailureKind.Config, "IGATE-CONFIG", $"BaseUrl must be an absolute http or https URL, got '{baseUrl}'."));
        }

        // Without the trailing slash "https://host/igate" + "api/v1" would drop the "igate" segment.
        var root = baseUrl.EndsWith('/') ? baseUrl : baseUrl + "/";
        return new Uri(new Uri(root), path);
    }
}
