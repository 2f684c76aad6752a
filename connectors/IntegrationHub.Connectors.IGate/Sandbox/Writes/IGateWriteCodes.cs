namespace IntegrationHub.Connectors.IGate.Sandbox.Writes;

/// <summary>Per-item error codes of the payments and evaluations batches. iGate's real codes are not public; these
/// follow the HTTP meaning, as the procedures batch does (IGATE-400, IGATE-422).</summary>
internal static class IGateWriteCodes
{
    /// <summary>The item lacks its idempotency key or its object.</summary>
    public const string InvalidRequest = "IGATE-400";

    /// <summary>No dossier with that MaHoSo.</summary>
    public const string UnknownDossier = "IGATE-404";

    /// <summary>A payment reference (MaThamChieu) already recorded with other data.</summary>
    public const string Conflict = "IGATE-409";

    /// <summary>A field is missing or invalid.</summary>
    public const string InvalidField = "IGATE-422";
}
