using System.ComponentModel.DataAnnotations;
using IntegrationHub.Connectors.Kit;

namespace IntegrationHub.Connectors.ECopy;

/// <summary>Options of the e-copy connector, bound from <c>Connectors:e-copy</c> and validated on start.</summary>
public sealed class ECopyOptions
{
    /// <summary>Root of the certification API; calls go to <c>{BaseUrl}/api/v1/...</c>.</summary>
    [Required(ErrorMessage = "BaseUrl is required.")]
    [AbsoluteHttpUrl]
    public string BaseUrl { get; set; } = string.Empty;

    /// <summary>Sent as <c>X-Api-Key</c>. A secret: from the environment, never logged.</summary>
    [Required(ErrorMessage = "ApiKey is required.")]
    public string ApiKey { get; set; } = string.Empty;

    /// <summary>Certificates listed per call.</summary>
    [Range(1, 1000, ErrorMessage = "PageSize must be between 1 and 1000.")]
    public int PageSize { get; set; } = 50;

    /// <summary>The longest one copy's download may take. The resilience pipeline's timeouts end when the headers
    /// arrive; without this a file stalling mid-way would hold the flow run (and its lock) for good.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00", ErrorMessage = "DownloadTimeout must be between 00:00:01 and 01:00:00.")]
    public TimeSpan DownloadTimeout { get; set; } = TimeSpan.FromMinutes(5);

    public override string ToString() =>
        $"ECopyOptions {{ BaseUrl = {BaseUrl}, PageSize = {PageSize}, DownloadTimeout = {DownloadTimeout}, ApiKey = {(string.IsNullOrEmpty(ApiKey) ? "(not set)" : "***")} }}";
}
