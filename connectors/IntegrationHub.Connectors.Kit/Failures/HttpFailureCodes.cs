namespace IntegrationHub.Connectors.Kit;

/// <summary>The failure codes one connector emits for what <see cref="HttpFailureClassifier"/> classifies. Operators,
/// alerts and partners match on them, so each connector keeps its own; <see cref="Prefixed"/> is the usual scheme.</summary>
/// <param name="Timeout">No answer in time (any timeout: HttpClient's, the resilience pipeline's, RestSharp's).</param>
/// <param name="Network">No answer at all: refused connection, DNS, reset, a broken body, an open circuit.</param>
/// <param name="HttpPrefix">Put before the status of an HTTP failure, e.g. <c>IGATE-HTTP-</c> gives <c>IGATE-HTTP-503</c>.</param>
/// <param name="Malformed">An answer that arrived but cannot be read.</param>
public sealed record HttpFailureCodes(string Timeout, string Network, string HttpPrefix, string Malformed)
{
    /// <summary><c>{prefix}-TIMEOUT</c>, <c>{prefix}-NETWORK</c>, <c>{prefix}-HTTP-{status}</c>, <c>{prefix}-MALFORMED</c>.</summary>
    public static HttpFailureCodes Prefixed(string prefix) =>
        new($"{prefix}-TIMEOUT", $"{prefix}-NETWORK", $"{prefix}-HTTP-", $"{prefix}-MALFORMED");

    public string Http(int status) => HttpPrefix + status.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
