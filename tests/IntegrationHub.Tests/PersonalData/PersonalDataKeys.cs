namespace IntegrationHub.Tests.PersonalData;

/// <summary>Fixed personal-data keys for tests that need to know them (rotation, a lost key).</summary>
public static class PersonalDataKeys
{
    public static readonly string BlindIndexKey = Convert.ToBase64String(Enumerable.Range(100, 32).Select(i => (byte)i).ToArray());

    public static string Key(int seed) => Convert.ToBase64String(Enumerable.Range(seed, 32).Select(i => (byte)i).ToArray());

    /// <summary>The settings giving a hub the keys <paramref name="keyIds"/> (key "k1" is made of seed 1, "k2" of 2...), the
    /// current one <paramref name="current"/>.</summary>
    public static Dictionary<string, string?> With(Dictionary<string, string?> settings, string current, params string[] keyIds)
    {
        var copy = new Dictionary<string, string?>(settings, StringComparer.OrdinalIgnoreCase)
        {
            ["Hub:PersonalData:CurrentKey"] = current,
            ["Hub:PersonalData:BlindIndexKey"] = BlindIndexKey,
        };
        foreach (var id in keyIds)
        {
            copy[$"Hub:PersonalData:Keys:{id}"] = Key(int.Parse(id[1..], System.Globalization.CultureInfo.InvariantCulture));
        }

        return copy;
    }
}
