using System.ServiceModel;
using System.ServiceModel.Security;
using IntegrationHub.Connectors.PopulationDb.Protocol;
using IntegrationHub.Contracts;
using Polly.Timeout;

namespace IntegrationHub.Connectors.PopulationDb.Client;

/// <summary>Classifies what went wrong in a lookup. Every text passes through <see cref="PersonalIdMask.MaskAll"/>:
/// a counterpart's fault reason may quote the id.</summary>
internal static class PopulationFailures
{
    /// <summary>Fault codes (or subcodes) that mean the hub is not allowed in: a configuration problem, not retried.</summary>
    private static readonly string[] AuthCodes = ["Unauthorized", "Unauthenticated", "AuthenticationFailed", "Authentication", "Forbidden", "AccessDenied", "InvalidApiKey"];

    public static ConnectorFailure Config(string problems) =>
        new(FailureKind.Config, "POPDB-CONFIG", problems);

    public static ConnectorFailure Malformed(string problem) =>
        new(FailureKind.Transient, "POPDB-MALFORMED", $"The population database sent a reply that cannot be read: {PersonalIdMask.MaskAll(problem)}");

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
        TimeoutRejectedException or TimeoutException => new(FailureKind.Transient, "POPDB-TIMEOUT", "The population database did not answer in time."),
        EndpointNotFoundException => new(FailureKind.Transient, "POPDB-UNREACHABLE", $"The population database could not be reached: {PersonalIdMask.MaskAll(exception.Message)}"),
        ServerTooBusyException => new(FailureKind.Transient, "POPDB-BUSY", "The population database is too busy (HTTP 503)."),
        CommunicationException => new(FailureKind.Transient, "POPDB-HTTP", $"The population database call failed: {PersonalIdMask.MaskAll(exception.Message)}"),
        HttpRequestException => new(FailureKind.Transient, "POPDB-HTTP", $"The population database call failed: {PersonalIdMask.MaskAll(exception.Message)}"),
        _ => null,
    };

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
