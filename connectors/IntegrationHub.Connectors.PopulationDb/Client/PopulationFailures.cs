using System.ServiceModel;
using System.ServiceModel.Security;
using IntegrationHub.Connectors.Kit;
using IntegrationHub.Connectors.PopulationDb.Protocol;
using IntegrationHub.Contracts;
using Polly.Timeout;

namespace IntegrationHub.Connectors.PopulationDb.Client;

/// <summary>Classifies what went wrong in a lookup: what WCF reports of the SOAP exchange (faults, refused credentials,
/// an unknown endpoint, a busy server) here, timeouts and broken calls by the kit's <see cref="HttpFailureClassifier"/>.
/// Every text passes through <see cref="PersonalIdMask.MaskAll"/>: a counterpart's fault reason may quote the id.</summary>
internal static class PopulationFailures
{
    private static readonly HttpFailureClassifier Transport =
        new(new HttpCounterparty("The population database", new HttpFailureCodes("POPDB-TIMEOUT", "POPDB-HTTP", "POPDB-HTTP-", "POPDB-MALFORMED")));

    /// <summary>Fault codes (or subcodes) that mean the hub is not allowed in: a configuration problem, not retried.</summary>
    private static readonly string[] AuthCodes = ["Unauthorized", "Unauthenticated", "AuthenticationFailed", "Authentication", "Forbidden", "AccessDenied", "InvalidApiKey"];

    public static ConnectorFailure Malformed(string problem) => Transport.Malformed(PersonalIdMask.MaskAll(problem));

    /// <summary>An error_code other than found or not found.</summary>
    public static ConnectorFailure Rejected(string errorCode, string message)
    {
        var code = $"POPDB-{(string.IsNullOrWhiteSpace(errorCode) ? "NO-CODE" : errorCode.Trim())}";
        var text = string.IsNullOrWhiteSpace(message) ? "no description" : PersonalIdMask.MaskAll(message);
        return errorCode switch
        {
            PopulationErrorCodes.UnknownIntegration => new(FailureKind.Config, code, $"The population database does not accept the integration code ({text}). Check Connectors:population-db:MaTichHop."),
            PopulationErrorCodes.SystemError => new(FailureKind.Transient, code, $"The population database had an internal error: {text}"),
            PopulationErrorCodes.InvalidRequest => new(FailureKind.Permanent, code, $"The population database refused the request: {text}"),
            _ => new(FailureKind.Permanent, code, $"The population database answered error_code '{errorCode}': {text}"),
        };
    }

    /// <returns>Null when the exception is not a failure of the call (e.g. the caller cancelled).</returns>
    public static ConnectorFailure? Classify(Exception exception) => exception switch
    {
        FaultException fault when IsAuthFault(fault) => new(FailureKind.Config, "POPDB-AUTH",
            $"The population database refused the hub (SOAP fault {FaultCodeName(fault)}: {Reason(fault)}). Check Connectors:population-db:ApiKey."),
        FaultException fault => new(FailureKind.Transient, "POPDB-FAULT", $"The population database answered a SOAP fault {FaultCodeName(fault)}: {Reason(fault)}"),
        MessageSecurityException => new(FailureKind.Config, "POPDB-AUTH", $"The population database refused the hub's credentials (HTTP 401/403). Check Connectors:population-db:ApiKey."),
        EndpointNotFoundException => new(FailureKind.Transient, "POPDB-UNREACHABLE", $"The population database could not be reached: {PersonalIdMask.MaskAll(exception.Message)}"),
        ServerTooBusyException => new(FailureKind.Transient, "POPDB-BUSY", "The population database is too busy (HTTP 503)."),
        TimeoutRejectedException or TimeoutException or CommunicationException or HttpRequestException =>
            Masked(Transport.FromException(exception)),
        _ => null,
    };

    private static ConnectorFailure Masked(ConnectorFailure failure) => failure with { Message = PersonalIdMask.MaskAll(failure.Message) };

    private static bool IsAuthFault(FaultException fault)
    {
        for (var code = fault.Code; code is not null; code = code.SubCode)
        {
            if (AuthCodes.Contains(code.Name, StringComparer.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static string FaultCodeName(FaultException fault) => fault.Code?.SubCode?.Name ?? fault.Code?.Name ?? "(no code)";

    private static string Reason(FaultException fault)
    {
        string text;
        try
        {
            text = fault.Reason.GetMatchingTranslation().Text;
        }
        catch (ArgumentException)
        {
            text = fault.Message;
        }

        return PersonalIdMask.MaskAll(text);
    }
}
