using IntegrationHub.Host.PersonalData;
using IntegrationHub.Tests.PersonalData;

namespace IntegrationHub.Tests.Infrastructure;

/// <summary>The personal-data encryption the hub's stores take, under the fixed keys of <see cref="PersonalDataKeys"/>.</summary>
public static class TestPersonalData
{
    /// <summary>Keys <paramref name="keyIds"/> (default: k1 alone), tokens made under <paramref name="current"/>.</summary>
    public static PersonalDataPayloads Payloads(string current = "k1", params string[] keyIds) => new(Cipher(current, keyIds));

    public static PersonalDataCipher Cipher(string current = "k1", params string[] keyIds)
    {
        var options = new PersonalDataOptions { CurrentKey = current, BlindIndexKey = PersonalDataKeys.BlindIndexKey };
        foreach (var id in keyIds.Length == 0 ? [current] : keyIds)
        {
            options.Keys[id] = PersonalDataKeys.Key(int.Parse(id[1..], System.Globalization.CultureInfo.InvariantCulture));
        }

        return new PersonalDataCipher(PersonalDataKeyring.Load(options, Path.GetTempPath(), mayGenerate: false));
    }
}
