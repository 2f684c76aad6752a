namespace IntegrationHub.Connectors.PopulationDb.Protocol;

/// <summary>error_code values. DESIGNED, NOT FROM A SPEC: the reference names the field but not its values.</summary>
public static class PopulationErrorCodes
{
    /// <summary>The citizen was found; message holds the CongdanCollection.</summary>
    public const string Found = "00";

    /// <summary>No citizen has this personal id.</summary>
    public const string NotFound = "01";

    /// <summary>The request is malformed (e.g. SoDinhDanh is not 12 digits).</summary>
    public const string InvalidRequest = "02";

    /// <summary>MaTichHop is unknown or not allowed to look up citizens.</summary>
    public const string UnknownIntegration = "03";

    /// <summary>The database had an internal error; retry later.</summary>
    public const string SystemError = "99";
}
