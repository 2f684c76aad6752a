using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace IntegrationHub.Host.PersonalData;

/// <summary>The keys of <see cref="PersonalDataOptions"/> read and checked: the AES keys by id, the current one and
/// the blind-index key. Never printed (no key material in any message).</summary>
public sealed partial class PersonalDataKeyring
{
    /// <summary>Where Development and Testing keep the keys they generate, under the content root.</summary>
    public const string GeneratedFile = ".data/personal-data-keys.json";

    private PersonalDataKeyring(IReadOnlyDictionary<string, byte[]> keys, string currentKeyId, byte[] blindIndexKey)
    {
        Keys = keys;
        CurrentKeyId = currentKeyId;
        BlindIndexKey = blindIndexKey;
    }

    public IReadOnlyDictionary<string, byte[]> Keys { get; }

    public string CurrentKeyId { get; }

    public byte[] BlindIndexKey { get; }

    /// <summary>Development and Testing (tests, the local demo) generate their keys; every other environment is given them.</summary>
    public static bool MayGenerate(IHostEnvironment environment) => environment.IsDevelopment() || environment.IsEnvironment("Testing");

    /// <summary>The keyring, generating one into <see cref="GeneratedFile"/> when none is configured and
    /// <paramref name="mayGenerate"/> (Development, Testing).</summary>
    /// <exception cref="HubStartupException">Keys missing where none may be generated, or unusable.</exception>
    public static PersonalDataKeyring Load(PersonalDataOptions options, string contentRoot, bool mayGenerate)
    {
        var problems = new List<string>();
        var keyring = TryLoad(options, contentRoot, mayGenerate, problems);
        return keyring ?? throw new HubStartupException(string.Join(Environment.NewLine, problems));
    }

    /// <summary>What is wrong with the configured keys, without generating anything.</summary>
    public static IReadOnlyList<string> Problems(PersonalDataOptions options, string contentRoot, bool mayGenerate)
    {
        var problems = new List<string>();
        if (IsEmpty(options) && mayGenerate)
        {
            // Generated at start when needed; a file already generated is checked then.
            return problems;
        }

        TryLoad(options, contentRoot, mayGenerate: false, problems);
        return problems;
    }

    /// <summary>A new keyring file (key id <c>dev1</c>), readable by its owner only; an existing one is kept
    /// (two hubs starting together both end up with the first one written).</summary>
    private static void Generate(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var file = new PersonalDataKeyFile
        {
            CurrentKey = "dev1",
            BlindIndexKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
        };
        file.Keys[file.CurrentKey] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(file));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        try
        {
            File.Move(temporary, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temporary);
        }
    }

    private static PersonalDataKeyring? TryLoad(PersonalDataOptions options, string contentRoot, bool mayGenerate, List<string> problems)
    {
        var keyFile = options.KeyFile;
        if (IsEmpty(options) && mayGenerate)
        {
            keyFile = Path.Combine(contentRoot, GeneratedFile);
            if (!File.Exists(keyFile))
            {
                Generate(keyFile);
            }
        }

        var file = new PersonalDataKeyFile();
        if (!string.IsNullOrWhiteSpace(keyFile))
        {
            var path = Path.GetFullPath(keyFile, contentRoot);
            try
            {
                file = JsonSerializer.Deserialize<PersonalDataKeyFile>(File.ReadAllText(path)) ?? file;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
            {
                // The reason, not the content: the file holds keys.
                problems.Add($"Hub:PersonalData:KeyFile: cannot read {path} ({e.GetType().Name}).");
                return null;
            }
        }

        var texts = new Dictionary<string, string>(file.Keys, StringComparer.Ordinal);
        foreach (var (id, key) in options.Keys)
        {
            texts[id] = key;
        }

        if (texts.Count == 0)
        {
            problems.Add("Hub:PersonalData has no key: personal data cannot be encrypted at rest. Give Hub:PersonalData:Keys:<id> " +
                "(base64 of 32 random bytes, e.g. from `openssl rand -base64 32`), Hub:PersonalData:CurrentKey and Hub:PersonalData:BlindIndexKey " +
                "in the environment (Hub__PersonalData__Keys__<id>=...), or a Hub:PersonalData:KeyFile.");
            return null;
        }

        var keys = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var (id, text) in texts)
        {
            if (!KeyId().IsMatch(id))
            {
                problems.Add($"Hub:PersonalData:Keys:{id}: a key id is 1 to 32 letters, digits, '-' or '_'.");
            }
            else if (Bytes(text) is { Length: 32 } key)
            {
                keys[id] = key;
            }
            else
            {
                problems.Add($"Hub:PersonalData:Keys:{id} is not base64 of 32 bytes (an AES-256 key).");
            }
        }

        var current = string.IsNullOrWhiteSpace(options.CurrentKey) ? file.CurrentKey : options.CurrentKey.Trim();
        if (string.IsNullOrWhiteSpace(current))
        {
            current = texts.Count == 1 ? texts.Keys.Single() : null;
        }

        if (current is null || !texts.ContainsKey(current))
        {
            problems.Add(current is null
                ? "Hub:PersonalData:CurrentKey is required when more than one key is given."
                : $"Hub:PersonalData:CurrentKey '{current}' is not one of Hub:PersonalData:Keys.");
        }

        var blind = Bytes(string.IsNullOrWhiteSpace(options.BlindIndexKey) ? file.BlindIndexKey : options.BlindIndexKey);
        if (blind is not { Length: >= 32 })
        {
            problems.Add("Hub:PersonalData:BlindIndexKey is required: base64 of at least 32 random bytes.");
        }

        return problems.Count == 0 ? new PersonalDataKeyring(keys, current!, blind!) : null;
    }

    private static bool IsEmpty(PersonalDataOptions options) =>
        options.Keys.Count == 0 && string.IsNullOrWhiteSpace(options.KeyFile) && string.IsNullOrWhiteSpace(options.BlindIndexKey);

    private static byte[]? Bytes(string? base64)
    {
        if (string.IsNullOrWhiteSpace(base64))
        {
            return null;
        }

        try
        {
            return Convert.FromBase64String(base64.Trim());
        }
        catch (FormatException)
        {
            return null;
        }
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,32}$")]
    private static partial Regex KeyId();
}
