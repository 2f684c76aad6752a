using System.ComponentModel.DataAnnotations;
using IntegrationHub.Connectors.Kit.Sandboxes;
using IntegrationHub.Connectors.Sandboxing;

namespace IntegrationHub.Connectors.PopulationDb;

/// <summary>Options of the population database sandbox, bound from <c>Sandboxes:population-db</c>.</summary>
public sealed class PopulationDbSandboxOptions : SandboxOptions
{
    /// <summary>How many citizens are generated.</summary>
    [Range(1, 1_000_000, ErrorMessage = "CitizenCount must be between 1 and 1000000.")]
    public int CitizenCount { get; set; } = SandboxCitizenGenerator.DefaultCount;

    /// <summary>Seed of the generation: the same seed gives the same citizens.</summary>
    public int Seed { get; set; } = SandboxCitizenGenerator.DefaultSeed;

    /// <summary>Three-digit province code the generated ids start with (056 Khánh Hòa).</summary>
    [Required(ErrorMessage = "ProvinceCode is required.")]
    [RegularExpression(@"^\d{3}$", ErrorMessage = "ProvinceCode must be 3 digits.")]
    public string ProvinceCode { get; set; } = SandboxCitizenGenerator.DefaultProvinceCode;

    /// <summary>The API key the sandbox expects in <c>X-Api-Key</c>.</summary>
    [Required(ErrorMessage = "ApiKey is required.")]
    public string ApiKey { get; set; } = string.Empty;

    /// <summary>The integration code (MaTichHop) the sandbox accepts.</summary>
    [Required(ErrorMessage = "MaTichHop is required.")]
    public string MaTichHop { get; set; } = string.Empty;

    public override string ToString() =>
        $"PopulationDbSandboxOptions {{ Port = {Port}, CitizenCount = {CitizenCount}, Seed = {Seed}, ProvinceCode = {ProvinceCode}, MaTichHop = {MaTichHop}, ApiKey = {(string.IsNullOrEmpty(ApiKey) ? "(not set)" : "***")} }}";
}
