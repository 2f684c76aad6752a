using System.ComponentModel.DataAnnotations;

namespace IntegrationHub.Connectors.Kit;

/// <summary>The value, when present, must be an absolute http or https URL. A missing value is left to <see cref="RequiredAttribute"/>,
/// so a missing URL is reported once, not twice.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter)]
public sealed class AbsoluteHttpUrlAttribute : ValidationAttribute
{
    public static bool IsAbsoluteHttpUrl(string? text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && !string.IsNullOrEmpty(uri.Host);

    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext)
    {
        if (value is not string text || string.IsNullOrWhiteSpace(text) || IsAbsoluteHttpUrl(text))
        {
            return ValidationResult.Success;
        }

        var name = validationContext.MemberName ?? validationContext.DisplayName;
        return new ValidationResult($"{name} must be an absolute http or https URL, got '{text}'.", [name]);
    }
}
