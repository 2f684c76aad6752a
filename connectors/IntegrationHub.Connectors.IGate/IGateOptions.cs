using IntegrationHub.Connectors.Kit;
using System.ComponentModel.DataAnnotations;

namespace IntegrationHub.Connectors.IGate;

/// <summary>Options of the iGate connector, bound from <c>Connectors:igate</c> and validated with DataAnnotations on start.</summary>
public sealed class IGateOptions
{
    /// <summary>Root of the iGate API, e.g. <c>https://igate.example.gov.vn/</c>; calls go to <c>{BaseUrl}/api/v1/...</c>.</summary>
    [Required(ErrorMessage = "BaseUrl is required.")]
    [AbsoluteHttpUrl]
    public string BaseUrl { get; set; } = string.Empty;

    /// <summary>Sent as <c>X-Api-Key</c>. A secret: never logged and left out of <see cref="ToString"/>.</summary>
    [Required(ErrorMessage = "ApiKey is required.")]
    public string ApiKey { get; set; } = string.Empty;

    /// <summary>How many messages the host should hand over in one batch (the connector sends each batch in one call),
    /// and the page size when reading the dossiers and progress feeds.</summary>
    [Range(1, 1000, ErrorMessage = "BatchSize must be between 1 and 1000.")]
    public int BatchSize { get; set; } = 100;

    public override string ToString() =>
        $"IGateOptions {{ BaseUrl = {BaseUrl}, BatchSize = {BatchSize}, ApiKey = {(string.IsNullOrEmpty(ApiKey) ? "(not set)" : "***")} }}";
}
