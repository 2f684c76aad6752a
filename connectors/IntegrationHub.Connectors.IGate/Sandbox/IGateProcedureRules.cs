using System.Text.RegularExpressions;
using System.Text.Json.Nodes;

namespace IntegrationHub.Connectors.IGate.Sandbox;

/// <summary>What iGate checks before it accepts a procedure. The real rules are not public; these are the plausible
/// minimum: a well-formed MaTTHC (e.g. 1.003560.000.00.00.H56) and a name.</summary>
internal static partial class IGateProcedureRules
{
    public const string InvalidCode = "IGATE-400";
    public const string RejectedByRule = "IGATE-422";

    /// <returns>Null when valid, else the error code and a Vietnamese message as iGate would give it.</returns>
    public static (string ErrorCode, string Message)? Validate(JsonObject procedure)
    {
        var code = IGateBatchRequestReader.StringOf(procedure["code"]);
        if (code is null)
        {
            return (InvalidCode, "Thiếu mã thủ tục hành chính (code).");
        }

        if (!ProcedureCode().IsMatch(code))
        {
            return (InvalidCode, $"Mã thủ tục hành chính '{code}' không đúng định dạng.");
        }

        return IGateBatchRequestReader.StringOf(procedure["name"]) is null
            ? (InvalidCode, $"Thủ tục hành chính '{code}' thiếu tên (name).")
            : null;
    }

    public static (string ErrorCode, string Message) Rejected(string code) =>
        (RejectedByRule, $"Thủ tục hành chính '{code}' bị từ chối theo quy tắc nghiệp vụ của hệ thống một cửa.");

    // [0-9], not \d: \d also matches non-ASCII digits.
    [GeneratedRegex(@"^[0-9]\.[0-9]{6}\.000\.00\.00\.H[0-9]{2}$", RegexOptions.CultureInvariant)]
    private static partial Regex ProcedureCode();
}
