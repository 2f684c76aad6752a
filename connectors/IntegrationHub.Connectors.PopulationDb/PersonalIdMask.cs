using System.Text.RegularExpressions;

namespace IntegrationHub.Connectors.PopulationDb;

/// <summary>Masks a personal id for logs and messages: the first 4 and last 2 characters stay, the rest become '*'
/// (<c>001089012345</c> gives <c>0010******45</c>). A full id is never logged.</summary>
public static partial class PersonalIdMask
{
    /// <summary>Masks every run of 9 to 12 digits (personal ids and old identity card numbers) in a free text, e.g. a
    /// counterpart's fault reason, before it goes into a log or an exception message.</summary>
    public static string MaskAll(string? text) =>
        string.IsNullOrEmpty(text) ? string.Empty : IdLike().Replace(text, m => Mask(m.Value));

    public static string Mask(string? personalId)
    {
        if (string.IsNullOrEmpty(personalId))
        {
            return "(none)";
        }

        var id = personalId.Trim();
        if (id.Length <= 6)
        {
            // Too short to keep anything and still hide something.
            return new string('*', id.Length);
        }

        return string.Concat(id.AsSpan(0, 4), new string('*', id.Length - 6), id.AsSpan(id.Length - 2));
    }

    [GeneratedRegex(@"(?<!\d)\d{9,12}(?!\d)")]
    private static partial Regex IdLike();
}
