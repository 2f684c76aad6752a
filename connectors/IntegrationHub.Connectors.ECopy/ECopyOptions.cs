using System.ComponentModel.DataAnnotations;
using IntegrationHub.Connectors.Kit;

namespace IntegrationHub.Connectors.ECopy;

/// <summary>Options of the e-copy connector, bound from <c>Connectors:e-copy</c> and validated on start. Calls go to
/// <c>{BaseUrl}/api/v1/...</c>; the page size is certificates listed per call.</summary>
public sealed class ECopyOptions : ApiKeyConnectorOptions
{
    public ECopyOptions() => PageSize = 50;

    /// <summary>The longest one copy's download may take. The resilience pipeline's timeouts end when the headers
    /// arrive; without this a file stalling mid-way would hold the flow run (and its lock) for good.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00", ErrorMessage = "DownloadTimeout must be between 00:00:01 and 01:00:00.")]
    public TimeSpan DownloadTimeout { get; set; } = TimeSpan.FromMinutes(5);

    public override string ToString() => Describe($"DownloadTimeout = {DownloadTimeout}");
}
