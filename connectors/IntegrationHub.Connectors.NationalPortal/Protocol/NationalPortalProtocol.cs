namespace IntegrationHub.Connectors.NationalPortal.Protocol;

/// <summary>Paths, service names and error codes of the DVCQG integration API, shared by the connector and its sandbox
/// so the two cannot drift apart. No official specification is public: see the sandbox for what was chosen.</summary>
internal static class NationalPortalProtocol
{
    /// <summary>Relative (no leading slash) so a BaseUrl with a path prefix keeps it.</summary>
    public const string LoginPath = "api/auth/login";

    public const string IntegrationPath = "api/integration";

    public const string ListProceduresService = "LayDanhSachTTHC";

    public const string GetProcedureService = "LayThuTuc";

    public const string Success = "0";

    public const string NotFound = "-1";

    public const string SessionExpired = "-2";

    public const string InvalidRequest = "-5";

    /// <summary>Login with wrong credentials: HTTP 200 with this error_code (the portal answers 200 for business errors).</summary>
    public const string LoginRejected = "401";

    public const int MaxPageSize = 1000;
}
