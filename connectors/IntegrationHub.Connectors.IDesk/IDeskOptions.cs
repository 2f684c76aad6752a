using System.ComponentModel.DataAnnotations;
using IntegrationHub.Connectors.Kit;

namespace IntegrationHub.Connectors.IDesk;

/// <summary>Options of the iDesk connector, bound from <c>Connectors:idesk</c> and validated on start.</summary>
public sealed class IDeskOptions
{
    /// <summary>Root of iDesk's integration API; calls go to <c>{BaseUrl}/api/idesk/...</c>.</summary>
    [Required(ErrorMessage = "BaseUrl is required.")]
    [AbsoluteHttpUrl]
    public string BaseUrl { get; set; } = string.Empty;

    /// <summary>Sent as <c>X-Api-Key</c>. A secret: from the environment, never logged.</summary>
    [Required(ErrorMessage = "ApiKey is required.")]
    public string ApiKey { get; set; } = string.Empty;

    /// <summary>Feed entries read per call.</summary>
    [Range(1, 1000, ErrorMessage = "PageSize must be between 1 and 1000.")]
    public int PageSize { get; set; } = 50;

    /// <summary>How long a document download may receive nothing before it is given up (a transient failure, retried by
    /// the next run). The resilience pipeline's timeouts end when the response headers arrive; without this a body
    /// stalling mid-way would hang the flow run, and the flow lock with it.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00", ErrorMessage = "DownloadIdleTimeout must be between 00:00:01 and 01:00:00.")]
    public TimeSpan DownloadIdleTimeout { get; set; } = TimeSpan.FromSeconds(60);

    public override string ToString() =>
        $"IDeskOptions {{ BaseUrl = {BaseUrl}, PageSize = {PageSize}, DownloadIdleTimeout = {DownloadIdleTimeout}, ApiKey = {(string.IsNullOrEmpty(ApiKey) ? "(not set)" : "***")} }}";
}
