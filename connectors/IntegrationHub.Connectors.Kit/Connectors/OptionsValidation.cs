using System.ComponentModel.DataAnnotations;

namespace IntegrationHub.Connectors.Kit;

/// <summary>Every DataAnnotations problem of an options object (all properties, then <see cref="IValidatableObject"/>),
/// in declaration order, worded as the attributes say: a check lists them all, not only the first.</summary>
public static class OptionsValidation
{
    public static IReadOnlyList<string> Problems(object options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return [.. results.Select(r => r.ErrorMessage ?? $"{string.Join(", ", r.MemberNames)} is invalid.")];
    }
}
