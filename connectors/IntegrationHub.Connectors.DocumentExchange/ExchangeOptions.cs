using System.ComponentModel.DataAnnotations;
using IntegrationHub.Connectors.Kit;

namespace IntegrationHub.Connectors.DocumentExchange;

/// <summary>Options of the exchange platform connector, bound from <c>Connectors:exchange</c> and validated on start.</summary>
public sealed class ExchangeOptions : ApiKeyConnectorOptions
{
    /// <summary>The province's agency code on the platform (e.g. <c>000.00.00.H56</c>): whose received documents and
    /// status messages are read.</summary>
    [Required(ErrorMessage = "OrganId is required.")]
    [RegularExpression(@"^[0-9A-Za-z.]{3,40}$", ErrorMessage = "OrganId must be an agency code such as 000.00.00.H56.")]
    public string OrganId { get; set; } = string.Empty;

    /// <summary>How long a document download may receive nothing before it is given up (a transient failure, retried by
    /// the next run). The resilience pipeline's timeouts end when the response headers arrive; without this a body
    /// stalling mid-way would hang the flow run, and the flow lock with it.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00", ErrorMessage = "DownloadIdleTimeout must be between 00:00:01 and 01:00:00.")]
    public TimeSpan DownloadIdleTimeout { get; set; } = TimeSpan.FromSeconds(60);

    public override string ToString() => Describe($"OrganId = {OrganId}", $"DownloadIdleTimeout = {DownloadIdleTimeout}");
}
