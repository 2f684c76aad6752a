using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace IntegrationHub.Connectors.PopulationDb.Client;

/// <summary>Compares a declaration with the database's record. Names: Unicode NFC, trimmed, inner whitespace collapsed
/// to one space, then compared case-insensitively (ordinal); diacritics count ("Lê" is not "Le": they are different
/// names in Vietnamese). Dates: yyyyMMdd text equality.</summary>
internal static partial class CitizenMatcher
{
    public const string DateFormat = "yyyyMMdd";

    public static CitizenVerification Compare(CitizenQuery query, CitizenRecord record)
    {
        var differences = new List<CitizenFieldDifference>();
        if (!string.Equals(NormalizeName(query.HoVaTen), NormalizeName(record.HoVaTen), StringComparison.OrdinalIgnoreCase))
        {
            differences.Add(new CitizenFieldDifference("HoVaTen", query.HoVaTen, record.HoVaTen));
        }

        var declared = FormatDate(query.NgaySinh);
        if (!string.Equals(declared, record.NgaySinh.Trim(), StringComparison.Ordinal))
        {
            differences.Add(new CitizenFieldDifference("NgaySinh", declared, record.NgaySinh));
        }

        return new CitizenVerification(differences.Count == 0 ? CitizenVerificationKind.Match : CitizenVerificationKind.Mismatch, record, differences);
    }

    public static string NormalizeName(string? name) =>
        Whitespace().Replace((name ?? string.Empty).Normalize(NormalizationForm.FormC).Trim(), " ");

    public static string FormatDate(DateOnly date) => date.ToString(DateFormat, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
