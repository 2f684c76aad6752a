namespace IntegrationHub.Host.PersonalData;

/// <summary>The keys personal data is encrypted with at rest (<c>Hub:PersonalData</c>). Keys come from the environment
/// (<c>Hub__PersonalData__Keys__2026a=&lt;base64&gt;</c>) or from <see cref="KeyFile"/>, never from a file in the
/// repository. Development and Testing without any key generate their own into <c>.data/personal-data-keys.json</c>
/// on first start; Production without a key does not start.</summary>
public sealed class PersonalDataOptions
{
    public const string Section = "Hub:PersonalData";

    /// <summary>AES-256 keys by key id (letters, digits, '-' or '_', at most 32): base64 of 32 random bytes. Keep old ids
    /// while tokens under them remain (see the re-encryption job).</summary>
    public Dictionary<string, string> Keys { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The key id new tokens are made with; empty when only one key is configured: that one.</summary>
    public string? CurrentKey { get; set; }

    /// <summary>The HMAC-SHA256 key of the blind index (base64, at least 32 bytes). Never rotated in place: every
    /// index is made with it.</summary>
    public string? BlindIndexKey { get; set; }

    /// <summary>A JSON file <c>{"CurrentKey", "Keys": {id: base64}, "BlindIndexKey"}</c> read at start (relative: to the
    /// content root); what the configuration gives beside it wins.</summary>
    public string? KeyFile { get; set; }

    /// <summary>Rows encrypted or re-encrypted per transaction by the rewrite (start-up and rotation).</summary>
    public int RewriteBatchSize { get; set; } = 500;

    public override string ToString() => $"PersonalDataOptions {{ CurrentKey = {CurrentKey}, Keys = {Keys.Count} }}";
}
