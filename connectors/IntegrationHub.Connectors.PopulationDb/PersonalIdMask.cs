using System.Text.RegularExpressions;
using IntegrationHub.Contracts.Privacy;

namespace IntegrationHub.Connectors.PopulationDb;

/// <summary>Masks a personal id for logs and messages with the hub's rule (<see cref="PersonalDataMask"/>: the first 4
/// and last 2 characters stay, <c>001089012345</c> gives <c>0010******45</c>). A full id is never logged. Fault texts
/// of the population database are masked more widely (<see cref="MaskAll"/>): they may quote old 9-digit card numbers.</summary>
public static partial class PersonalIdMask
{
    /// <summary>Masks every run of 9 to 12 digits (personal ids and old identity card numbers) in a free text, e.g. a
    /// counterpart's fault reason, before it goes into a log or an exception message.</summary>
    public static string MaskAll(string? text) =>
        string.IsNullOrEmpty(text) ? string.Empty : IdLike().Replace(text, m => Mask(m.Value));

    /// <summary>The hub's display rule for one id, <see cref="PersonalDataMask.MaskId"/>.</summary>
    public static string Mask(string? personalId) => PersonalDataMask.MaskId(personalId);

    [GeneratedRegex(@"(?<!\d)\d{9,12}(?!\d)")]
    private static partial Regex IdLike();
}
