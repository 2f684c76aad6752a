using System.ComponentModel.DataAnnotations;
using IntegrationHub.Connectors.NationalPortal.Mapping;

namespace IntegrationHub.Connectors.NationalPortal;

/// <summary>Validates <see cref="NationalPortalOptions"/>, listing every problem. Reading procedures needs only the
/// annotated settings; writing also needs a status table and a time zone, which the Parameters check demands too so
/// that a missing table fails at start rather than as a dead letter per message.</summary>
internal static class NationalPortalOptionsValidator
{
    public static string[] Validate(NationalPortalOptions options, bool forWriting)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        var problems = results.Select(r => r.ErrorMessage ?? "Invalid options.").ToList();
        if (forWriting)
        {
            problems.AddRange(StatusMapper.Validate(options.StatusMap));
            if (TimeZoneProblem(options.TimeZone) is { } problem)
            {
                problems.Add(problem);
            }
        }

        return [.. problems];
    }

    private static string? TimeZoneProblem(string? id)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            return $"The TimeZone field is required (e.g. {DvcqgDateFormat.DefaultTimeZoneId}).";
        }

        try
        {
            DvcqgDateFormat.ResolveTimeZone(id);
            return null;
        }
        catch (Exception exception) when (exception is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return $"The TimeZone field '{id}' is not a time zone this machine knows (e.g. {DvcqgDateFormat.DefaultTimeZoneId}).";
        }
    }
}
