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

    /// <summary><c>data:[{mahoso}]</c>: "0" with the dossier when the portal has it, <see cref="DossierNotFound"/> when not.</summary>
    public const string LookupDossierService = "TraCuuHoSo";

    /// <summary>Pushes dossiers; <c>isUpdating</c> must be true for a dossier the portal already has.</summary>
    public const string PushDossierService = "DongBoHoSoMC";

    /// <summary>Pushes processing steps, at most <see cref="MaxProgressPerCall"/> per call, one result per item.</summary>
    public const string PushProgressService = "CapNhatTienDoHoSoMC";

    /// <summary>Other implementations send progress in chunks of 10; the sandbox refuses more.</summary>
    public const int MaxProgressPerCall = 10;

    /// <summary>Every item of the write services may carry this field; the portal applies a key once and answers a
    /// repeat with success, so a retried or replayed message never creates a second dossier or progress step.</summary>
    public const string IdempotencyKeyField = "IdempotencyKey";

    public const string Success = "0";

    public const string NotFound = "-1";

    public const string SessionExpired = "-2";

    /// <summary>DongBoHoSoMC without isUpdating for a dossier the portal has; the message says "đã tồn tại".
    /// Other implementations also see "3", so the connector accepts both.</summary>
    public const string DossierExists = "-3";

    public const string DossierExistsAlternative = "3";

    /// <summary>The words of an "already exists" message, which the connector checks along with the code.</summary>
    public const string AlreadyExistsPhrase = "đã tồn tại";

    /// <summary>The dossier is unknown: TraCuuHoSo found nothing, or an update or progress step names a missing dossier.</summary>
    public const string DossierNotFound = "-4";

    public const string InvalidRequest = "-5";

    /// <summary>A required field of an item is missing.</summary>
    public const string MissingField = "-6";

    /// <summary>A field of an item is badly formed (code, date, number out of range).</summary>
    public const string InvalidField = "-7";

    /// <summary>The dossier's TrangThaiHoSo may not move from its current value to the new one.</summary>
    public const string InvalidTransition = "-8";

    /// <summary>Refused by the sandbox's configurable rejection rule (standing in for the portal's business checks).</summary>
    public const string RejectedByRule = "-10";

    /// <summary>Login with wrong credentials: HTTP 200 with this error_code (the portal answers 200 for business errors).</summary>
    public const string LoginRejected = "401";

    public const int MaxPageSize = 1000;
}
