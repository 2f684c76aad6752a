using System.ComponentModel.DataAnnotations;

namespace IntegrationHub.Connectors.Kit;

/// <summary>What the options of a connector to an HTTP API with an API key and paged feeds share, checked like any
/// options (DataAnnotations, every problem listed). A connector's options derive from it and add their own; one that
/// reads another page size by default sets it in its constructor.</summary>
public abstract class ApiKeyConnectorOptions
{
    /// <summary>Root of the counterparty's API.</summary>
    [Required(ErrorMessage = "BaseUrl is required.")]
    [AbsoluteHttpUrl]
    public string BaseUrl { get; set; } = string.Empty;

    /// <summary>Sent on every call (e.g. as <c>X-Api-Key</c>). A secret: from the environment, never logged.</summary>
    [Required(ErrorMessage = "ApiKey is required.")]
    public string ApiKey { get; set; } = string.Empty;

    /// <summary>Items asked for per page of a feed.</summary>
    [Range(1, 1000, ErrorMessage = "PageSize must be between 1 and 1000.")]
    public int PageSize { get; set; } = 100;

    /// <summary>The options as logs may show them: the key is never written.</summary>
    public override string ToString() => Describe();

    /// <param name="more">The derived options' own settings, e.g. <c>"OrganId = 000.00.00.H56"</c>.</param>
    protected string Describe(params string[] more) =>
        $"{GetType().Name} {{ BaseUrl = {BaseUrl}, {string.Concat(more.Select(m => m + ", "))}PageSize = {PageSize}, ApiKey = {(string.IsNullOrEmpty(ApiKey) ? "(not set)" : "***")} }}";
}
