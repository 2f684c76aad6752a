using System.ComponentModel.DataAnnotations;
using IntegrationHub.Connectors.Kit;

namespace IntegrationHub.Connectors.IDesk;

/// <summary>Options of the iDesk connector, bound from <c>Connectors:idesk</c> and validated on start.</summary>
public sealed class IDeskOptions : ApiKeyConnectorOptions
{
    public IDeskOptions() => PageSize = 50;

    /// <summary>How long a document download may receive nothing before it is given up (a transient failure, retried by
    /// the next run). The resilience pipeline's timeouts end when the response headers arrive; without this a body
    /// stalling mid-way would hang the flow run, and the flow lock with it.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00", ErrorMessage = "DownloadIdleTimeout must be between 00:00:01 and 01:00:00.")]
    public TimeSpan DownloadIdleTimeout { get; set; } = TimeSpan.FromSeconds(60);

    public override string ToString() => Describe($"DownloadIdleTimeout = {DownloadIdleTimeout}");
}
