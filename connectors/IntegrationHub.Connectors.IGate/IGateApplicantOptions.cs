using System.ComponentModel.DataAnnotations;
using IntegrationHub.Connectors.Sandboxing;

namespace IntegrationHub.Connectors.IGate;

/// <summary>Who files the sandbox's dossiers, bound from <c>Sandboxes:igate:Applicants</c>. Applicants are drawn from the
/// shared generated citizens (<see cref="SandboxCitizenGenerator"/>); with the population database sandbox's same count,
/// seed and province they exist there, so a verification finds them — except the share declared wrongly on purpose.</summary>
public sealed class IGateApplicantOptions
{
    [Range(1, 1_000_000, ErrorMessage = "Applicants:CitizenCount must be between 1 and 1000000.")]
    public int CitizenCount { get; set; } = SandboxCitizenGenerator.DefaultCount;

    public int CitizenSeed { get; set; } = SandboxCitizenGenerator.DefaultSeed;

    [Required(ErrorMessage = "Applicants:ProvinceCode is required.")]
    [RegularExpression(@"^\d{3}$", ErrorMessage = "Applicants:ProvinceCode must be 3 digits.")]
    public string ProvinceCode { get; set; } = SandboxCitizenGenerator.DefaultProvinceCode;

    /// <summary>Percent of applicants whose declared name or date of birth differs from their record.</summary>
    [Range(0, 100, ErrorMessage = "Applicants:MismatchPercent must be between 0 and 100.")]
    public int MismatchPercent { get; set; } = 10;

    /// <summary>Percent of applicants whose personal id is not in the population (another province's id).</summary>
    [Range(0, 100, ErrorMessage = "Applicants:UnknownPercent must be between 0 and 100.")]
    public int UnknownPercent { get; set; } = 5;

    /// <summary>Percent of applicants who take the result by post (hinhThucNhanKetQua BuuChinh) rather than at the desk.</summary>
    [Range(0, 100, ErrorMessage = "Applicants:ByPostPercent must be between 0 and 100.")]
    public int ByPostPercent { get; set; } = 2;
}
