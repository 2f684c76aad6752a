using IntegrationHub.Contracts;

namespace IntegrationHub.Connectors.NationalPortal.Writing;

/// <summary>The per-message failures of the write path, so their codes and wording stay the same in both writers.</summary>
internal static class WriteFailures
{
    /// <summary>The payload cannot be put in the portal's shape: retrying the same payload cannot help.</summary>
    public const string MappingCode = "MAPPING";

    /// <summary>A progress step for a dossier the portal does not have yet: the dossier flow may still deliver it.</summary>
    public const string DossierNotSyncedCode = "DOSSIER_NOT_SYNCED";

    /// <summary>Not sent because an earlier message of the same dossier in the batch failed transiently: sending it
    /// now would let it overtake that one.</summary>
    public const string HeldForOrderCode = "HELD_FOR_ORDER";

    public static ConnectorFailure Mapping(string problem) => new(FailureKind.Permanent, MappingCode, problem);

    public static ConnectorFailure Rejected(string service, string subject, PortalAnswer answer) =>
        new(FailureKind.Permanent, answer.Code, $"{service} {subject}: the portal answered error_code {answer.Code}: {answer.Message}");

    public static ConnectorFailure Transient(string service, string subject, PortalAnswer answer) =>
        new(FailureKind.Transient, answer.Code, $"{service} {subject}: the portal answered error_code {answer.Code}: {answer.Message}");

    public static ConnectorFailure DossierNotSynced(string subject, string maHoSo, PortalAnswer answer) =>
        new(FailureKind.Transient, DossierNotSyncedCode,
            $"{subject}: the portal does not have dossier {maHoSo} yet (error_code {answer.Code}: {answer.Message}); the dossier flow may not have delivered it.");

    public static ConnectorFailure HeldForOrder(string maHoSo, ConnectorFailure earlier) =>
        new(FailureKind.Transient, HeldForOrderCode,
            $"Not sent: an earlier message of dossier {maHoSo} in this batch failed ({earlier.Code}), and this one must not overtake it.",
            earlier.RetryAfter);
}
