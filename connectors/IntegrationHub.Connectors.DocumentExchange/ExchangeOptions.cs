using System.ComponentModel.DataAnnotations;
using IntegrationHub.Connectors.Kit;

namespace IntegrationHub.Connectors.DocumentExchange;

/// <summary>Options of the exchange platform connector, bound from <c>Connectors:exchange</c> and validated on start.</summary>
public sealed class ExchangeOptions
{
    /// <summary>Root of the platform's API; calls go to <c>{BaseUrl}/api/edxml/...</c>.</summary>
    [Required(ErrorMessage = "BaseUrl is required.")]
    [AbsoluteHttpUrl]
    public string BaseUrl { get; set; } = string.Empty;

    /// <summary>Sent as <c>X-Api-Key</c>. A secret: from the environment, never logged.</summary>
    [Required(ErrorMessage = "ApiKey is required.")]
    public string ApiKey { get; set; } = string.Empty;

    /// <summary>The province's agency code on the platform (e.g. <c>000.00.00.H56</c>): whose received documents and
    /// status messages are read.</summary>
    [Required(ErrorMessage = "OrganId is required.")]
    [RegularExpression(@"^[0-9A-Za-z.]{3,40}$", ErrorMessage = "OrganId must be an agency code such as 000.00.00.H56.")]
    public string OrganId { get; set; } = string.Empty;

    /// <summary>Status messages read per call.</summary>
    [Range(1, 1000, ErrorMessage = "PageSize must be between 1 and 1000.")]
    public int PageSize { get; set; } = 100;

    /// <summary>How long a document download may receive nothing before it is given up (a transient failure, retried by
    /// the next run). The resilience pipeline's timeouts end when the response headers arrive; without this a body
    /// stalling mid-way would hang the flow run, and the flow lock with it.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00", ErrorMessage = "DownloadIdleTimeout must be between 00:00:01 and 01:00:00.")]
    public TimeSpan DownloadIdleTimeout { get; set; } = TimeSpan.FromSeconds(60);

    public override string ToString() =>
        $"ExchangeOptions {{ BaseUrl = {BaseUrl}, OrganId = {OrganId}, PageSize = {PageSize}, DownloadIdleTimeout = {DownloadIdleTimeout}, ApiKey = {(string.IsNullOrEmpty(ApiKey) ? "(not set)" : "***")} }}";
}
