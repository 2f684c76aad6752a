using System.ComponentModel.DataAnnotations;
using IntegrationHub.Connectors.Kit;

namespace IntegrationHub.Connectors.Example;

/// <summary>Options of the Example connector, bound from <c>Connectors:example</c> and checked at start.</summary>
public sealed class ExampleOptions
{
    [Required(ErrorMessage = "BaseUrl is required.")]
    [AbsoluteHttpUrl]
    public string BaseUrl { get; set; } = string.Empty;

    /// <summary>Sent as <c>X-Api-Key</c>. A secret: give it in configuration or the environment, never in code.</summary>
    [Required(ErrorMessage = "ApiKey is required.")]
    public string ApiKey { get; set; } = string.Empty;

    [Range(1, 1000, ErrorMessage = "PageSize must be between 1 and 1000.")]
    public int PageSize { get; set; } = 100;

    public override string ToString() => $"ExampleOptions {{ BaseUrl = {BaseUrl}, PageSize = {PageSize}, ApiKey = *** }}";
}
