using IntegrationHub.Connectors.Kit;
using IntegrationHub.Contracts;
using RestSharp;

namespace IntegrationHub.Connectors.NationalPortal.Client;

/// <summary>The portal's transport failures by the kit's <see cref="HttpFailureClassifier"/> rule, in the portal's own
/// lower-case codes (<c>http-503</c>, <c>timeout</c>, <c>network</c>), each message led by the operation.</summary>
internal static class PortalFailures
{
    private static readonly HttpFailureClassifier Http = new(new HttpCounterparty("the portal", new HttpFailureCodes("timeout", "network", "http-", PortalReply.MalformedCode))
    {
        CredentialsHint = "Check Username and Password.",
        AddressHint = "Check BaseUrl.",

        // The portal has two fixed endpoints: a 404/405 means a wrong BaseUrl, not a refusal of this data.
        WrongAddressStatuses = new HashSet<int> { 404, 405 },
    });

    /// <returns>Null when the response arrived with a success status and its body should be read.</returns>
    public static ConnectorFailure? Classify(RestResponse response, string operation) =>
        Http.Classify(response) is { } failure ? failure with { Message = $"{operation}: {failure.Message}" } : null;
}
