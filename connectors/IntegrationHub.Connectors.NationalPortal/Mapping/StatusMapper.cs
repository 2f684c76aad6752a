using System.Globalization;

namespace IntegrationHub.Connectors.NationalPortal.Mapping;

/// <summary>Maps iGate's local dossier statuses (<c>DANG_XU_LY</c>...) to the portal's TrangThaiHoSo codes (0..10)
/// through the configured table. The table is config, not code: a province's iGate may add statuses.</summary>
public sealed class StatusMapper
{
    public const int MinCode = 0;

    public const int MaxCode = 10;

    private readonly Dictionary<string, int> _codes;

    /// <exception cref="ArgumentException">The table fails <see cref="Validate"/>.</exception>
    public StatusMapper(IReadOnlyDictionary<string, string> map)
    {
        var problems = Validate(map);
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", problems), nameof(map));
        }

        // Case is noise in a status code, and config keys are case-insensitive anyway.
        _codes = map.ToDictionary(pair => pair.Key, pair => ParseCode(pair.Value)!.Value, StringComparer.OrdinalIgnoreCase);
    }

    public IReadOnlyCollection<string> LocalStatuses => _codes.Keys;

    public bool TryMap(string? localStatus, out int code)
    {
        code = 0;
        return localStatus is not null && _codes.TryGetValue(localStatus, out code);
    }

    /// <returns>Every problem of the table: empty, or a value that is not a code 0..10.</returns>
    public static IReadOnlyList<string> Validate(IReadOnlyDictionary<string, string>? map)
    {
        if (map is null || map.Count == 0)
        {
            return ["The StatusMap field must map each iGate status to a DVCQG TrangThaiHoSo code 0..10 (e.g. \"DANG_XU_LY\": \"4\"); it is empty."];
        }

        return [.. map
            .Where(pair => ParseCode(pair.Value) is null)
            .OrderBy(pair => pair.Key, StringComparer.Ordinal)
            .Select(pair => $"StatusMap: '{pair.Key}' maps to '{pair.Value}', which is not a DVCQG TrangThaiHoSo code (an integer 0..10).")];
    }

    private static int? ParseCode(string? value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var code) && code is >= MinCode and <= MaxCode
            ? code
            : null;
}
