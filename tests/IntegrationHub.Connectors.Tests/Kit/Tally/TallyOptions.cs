using System.ComponentModel.DataAnnotations;
using IntegrationHub.Connectors.Kit;

namespace IntegrationHub.Connectors.Tests.Kit.Tally;

/// <summary>Options of the test counterparty "Tally", a connector built only from the kit.</summary>
internal sealed class TallyOptions
{
    [Required(ErrorMessage = "BaseUrl is required.")]
    [AbsoluteHttpUrl]
    public string BaseUrl { get; set; } = string.Empty;

    [Required(ErrorMessage = "ApiKey is required.")]
    public string ApiKey { get; set; } = string.Empty;

    [Range(1, 1000, ErrorMessage = "PageSize must be between 1 and 1000.")]
    public int PageSize { get; set; } = 10;
}
