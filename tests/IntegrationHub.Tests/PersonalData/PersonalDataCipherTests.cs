using IntegrationHub.Contracts.Privacy;
using IntegrationHub.Host;
using IntegrationHub.Host.PersonalData;

namespace IntegrationHub.Tests.PersonalData;

/// <summary>The tokens and the blind index, and where the keys come from.</summary>
public sealed class PersonalDataCipherTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("pd-keys-").FullName;

    [Fact]
    public void A_token_hides_the_id_names_its_key_shows_it_masked_and_reads_back()
    {
        var cipher = Cipher("k1", "k1");
        var token = cipher.Protect("001089012345");
        var again = cipher.Protect("001089012345");

        Assert.DoesNotContain("001089012345", token, StringComparison.Ordinal);
        Assert.StartsWith("⟦pd1.k1.0010******45.", token, StringComparison.Ordinal);
        Assert.NotEqual(token, again);
        Assert.Equal("001089012345", cipher.Unprotect(token));
        Assert.Equal("001089012345", cipher.Unprotect(again));
        Assert.Equal("k1", cipher.KeyIdOf(token));
        Assert.Null(cipher.KeyIdOf("001089012345"));
    }

    [Fact]
    public void The_blind_index_is_equal_for_equal_ids_and_depends_on_its_key()
    {
        var cipher = Cipher("k1", "k1");
        Assert.Equal(cipher.BlindIndex("001089012345"), cipher.BlindIndex(" 001089012345 "));
        Assert.NotEqual(cipher.BlindIndex("001089012345"), cipher.BlindIndex("001089012346"));
        Assert.DoesNotContain("001089012345", cipher.BlindIndex("001089012345"), StringComparison.Ordinal);

        var otherBlindKey = new PersonalDataCipher(PersonalDataKeyring.Load(
            new PersonalDataOptions { Keys = { ["k1"] = PersonalDataKeys.Key(1) }, BlindIndexKey = PersonalDataKeys.Key(50) }, _folder, mayGenerate: false));
        Assert.NotEqual(cipher.BlindIndex("001089012345"), otherBlindKey.BlindIndex("001089012345"));
    }

    [Fact]
    public void A_changed_token_or_a_missing_key_is_a_clear_error_naming_the_key()
    {
        var cipher = Cipher("k1", "k1");
        var token = cipher.Protect("001089012345");

        var missing = Assert.Throws<PersonalDataUnreadableException>(() => Cipher("k2", "k2").Unprotect(token));
        Assert.Equal(PersonalDataUnreadableException.KeyMissing, missing.Code);
        Assert.Equal("k1", missing.KeyId);

        // Another id's masked form put on the ciphertext, or one character of the ciphertext changed: the tag fails.
        var swapped = token.Replace("0010******45", "0020******45", StringComparison.Ordinal);
        Assert.Equal(PersonalDataUnreadableException.Damaged, Assert.Throws<PersonalDataUnreadableException>(() => cipher.Unprotect(swapped)).Code);
        var body = token.LastIndexOf('.') + 3;
        var flipped = string.Concat(token.AsSpan(0, body), token[body] == 'A' ? "B" : "A", token.AsSpan(body + 1));
        Assert.Equal(PersonalDataUnreadableException.Damaged, Assert.Throws<PersonalDataUnreadableException>(() => cipher.Unprotect(flipped)).Code);
        // The same key id given another key (a wrong key deployed under the old name) does not verify either.
        var wrong = new PersonalDataCipher(PersonalDataKeyring.Load(
            new PersonalDataOptions { Keys = { ["k1"] = PersonalDataKeys.Key(9) }, BlindIndexKey = PersonalDataKeys.BlindIndexKey }, _folder, mayGenerate: false));
        Assert.Equal(PersonalDataUnreadableException.Damaged, Assert.Throws<PersonalDataUnreadableException>(() => wrong.Unprotect(token)).Code);
    }

    [Fact]
    public void Without_keys_Development_generates_them_once_into_the_data_folder_and_elsewhere_the_start_fails()
    {
        var first = new PersonalDataCipher(PersonalDataKeyring.Load(new PersonalDataOptions(), _folder, mayGenerate: true));
        var file = Path.Combine(_folder, PersonalDataKeyring.GeneratedFile);
        Assert.True(File.Exists(file));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        var second = new PersonalDataCipher(PersonalDataKeyring.Load(new PersonalDataOptions(), _folder, mayGenerate: true));
        Assert.Equal("001089012345", second.Unprotect(first.Protect("001089012345")));
        Assert.Equal(first.BlindIndex("001089012345"), second.BlindIndex("001089012345"));

        var refused = Assert.Throws<HubStartupException>(() => PersonalDataKeyring.Load(new PersonalDataOptions(), Directory.CreateTempSubdirectory("pd-none-").FullName, mayGenerate: false));
        Assert.Contains("Hub:PersonalData has no key", refused.Message, StringComparison.Ordinal);
        Assert.Contains(PersonalDataKeyring.Problems(new PersonalDataOptions { Keys = { ["k1"] = "c2hvcnQ=" } }, _folder, mayGenerate: false),
            p => p.Contains("Hub:PersonalData:Keys:k1 is not base64 of 32 bytes", StringComparison.Ordinal));
        Assert.Contains(PersonalDataKeyring.Problems(new PersonalDataOptions { Keys = { ["k1"] = PersonalDataKeys.Key(1), ["k2"] = PersonalDataKeys.Key(2) }, BlindIndexKey = PersonalDataKeys.BlindIndexKey }, _folder, mayGenerate: false),
            p => p.Contains("CurrentKey is required", StringComparison.Ordinal));
    }

    [Fact]
    public void A_key_file_gives_the_keys_and_the_configuration_adds_to_it()
    {
        var path = Path.Combine(_folder, "keys.json");
        File.WriteAllText(path, $$"""{"CurrentKey":"k1","Keys":{"k1":"{{PersonalDataKeys.Key(1)}}"},"BlindIndexKey":"{{PersonalDataKeys.BlindIndexKey}}"}""");
        var fromFile = new PersonalDataCipher(PersonalDataKeyring.Load(new PersonalDataOptions { KeyFile = "keys.json" }, _folder, mayGenerate: false));
        var rotated = new PersonalDataCipher(PersonalDataKeyring.Load(
            new PersonalDataOptions { KeyFile = path, CurrentKey = "k2", Keys = { ["k2"] = PersonalDataKeys.Key(2) } }, _folder, mayGenerate: false));

        Assert.Equal("k1", fromFile.CurrentKeyId);
        Assert.Equal("k2", rotated.CurrentKeyId);
        Assert.Equal("001089012345", rotated.Unprotect(fromFile.Protect("001089012345")));
        Assert.Equal("001089012345", fromFile.Unprotect(Cipher("k1", "k1").Protect("001089012345")));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private PersonalDataCipher Cipher(string current, params string[] keyIds)
    {
        var options = new PersonalDataOptions { CurrentKey = current, BlindIndexKey = PersonalDataKeys.BlindIndexKey };
        foreach (var id in keyIds)
        {
            options.Keys[id] = PersonalDataKeys.Key(int.Parse(id[1..], System.Globalization.CultureInfo.InvariantCulture));
        }

        return new PersonalDataCipher(PersonalDataKeyring.Load(options, _folder, mayGenerate: false));
    }
}
