namespace IntegrationHub.Host.PersonalData;

/// <summary>The JSON of <see cref="PersonalDataOptions.KeyFile"/> (and of the keys Development generates).</summary>
public sealed class PersonalDataKeyFile
{
    public string? CurrentKey { get; set; }

    public Dictionary<string, string> Keys { get; set; } = new(StringComparer.Ordinal);

    public string? BlindIndexKey { get; set; }

    public override string ToString() => $"PersonalDataKeyFile {{ CurrentKey = {CurrentKey}, Keys = {Keys.Count} }}";
}
