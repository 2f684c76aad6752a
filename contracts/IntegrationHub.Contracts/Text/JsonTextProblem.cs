namespace IntegrationHub.Contracts.Text;

/// <summary>Why a JSON text was refused: <c>malformed_json</c>, <c>invalid_text</c> (not storable: invalid UTF-8, an
/// unpaired surrogate, <c>\u0000</c>), <c>invalid_number</c> (beyond PostgreSQL's numeric) or <c>duplicate_field</c>, with a message for the sender.</summary>
public sealed record JsonTextProblem(string Code, string Message)
{
    public const string MalformedJson = "malformed_json";
    public const string InvalidText = "invalid_text";
    public const string DuplicateField = "duplicate_field";
    public const string InvalidNumber = "invalid_number";
}
