using System.ComponentModel.DataAnnotations;
using IntegrationHub.Connectors.Kit;

namespace IntegrationHub.Connectors.PopulationDb;

/// <summary>Options of the population database connector, bound from <c>Connectors:population-db</c> and validated with
/// DataAnnotations on start.</summary>
public sealed class PopulationDbOptions
{
    /// <summary>Root of the data-sharing platform, e.g. <c>https://lgsp.example.gov.vn/</c>; the SOAP endpoint is
    /// <c>{BaseUrl}qldc/CongDanService.svc</c>.</summary>
    [Required(ErrorMessage = "BaseUrl is required.")]
    [AbsoluteHttpUrl]
    public string BaseUrl { get; set; } = string.Empty;

    /// <summary>The platform's API key, sent as the <c>X-Api-Key</c> header. A secret: left out of <see cref="ToString"/>.</summary>
    [Required(ErrorMessage = "ApiKey is required.")]
    public string ApiKey { get; set; } = string.Empty;

    /// <summary>The integration code (MaTichHop) the platform issued to the province.</summary>
    [Required(ErrorMessage = "MaTichHop is required.")]
    public string MaTichHop { get; set; } = string.Empty;

    /// <summary>How long one attempt may take (the SOAP send timeout and the pipeline's per-attempt timeout).</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:05:00", ErrorMessage = "Timeout must be between 50 ms and 5 minutes.")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Retries after a Transient failure (0 when the host's pipeline already retries).</summary>
    [Range(0, 10, ErrorMessage = "RetryCount must be between 0 and 10.")]
    public int RetryCount { get; set; } = 2;

    /// <summary>Base delay of the exponential, jittered backoff between attempts.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00", ErrorMessage = "RetryDelay must be between 0 and 1 minute.")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    public override string ToString() =>
        $"PopulationDbOptions {{ BaseUrl = {BaseUrl}, MaTichHop = {MaTichHop}, Timeout = {Timeout}, RetryCount = {RetryCount}, RetryDelay = {RetryDelay}, ApiKey = {(string.IsNullOrEmpty(ApiKey) ? "(not set)" : "***")} }}";
}
