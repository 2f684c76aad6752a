using System.ComponentModel.DataAnnotations;

namespace IntegrationHub.Connectors.NationalPortal;

/// <summary>Requires an absolute http or https URL, so a relative or garbled address fails at start with a message
/// naming the property instead of failing at the first call. Null passes: <see cref="RequiredAttribute"/> reports it.</summary>
[AttributeUsage(AttributeTargets.Property)]
internal sealed class AbsoluteHttpUrlAttribute : ValidationAttribute
{
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext)
    {
        if (value is not string text || IsAbsoluteHttpUrl(text))
        {
            return ValidationResult.Success;
        }

        var name = validationContext.MemberName ?? validationContext.DisplayName;
        return new ValidationResult(
            $"The {name} field must be an absolute http or https URL, e.g. https://portal.example/ (got '{text}').",
            validationContext.MemberName is null ? null : [validationContext.MemberName]);
    }

    private static bool IsAbsoluteHttpUrl(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && !string.IsNullOrEmpty(uri.Host);
}
