namespace IntegrationHub.Host.Configuration;

public sealed class InboundFieldOptions
{
    public static readonly IReadOnlyList<string> Types = ["string", "integer", "number", "boolean", "object", "array"];

    /// <summary>One of <see cref="Types"/>.</summary>
    public string Type { get; set; } = "string";

    public bool Required { get; set; }
}
