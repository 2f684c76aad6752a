using IntegrationHub.Connectors.NationalPortal.Mapping;

namespace IntegrationHub.Connectors.NationalPortal;

/// <summary>What writing needs beyond the annotated settings of <see cref="NationalPortalOptions"/>: a status table and a
/// time zone. The Parameters check demands them too, so a missing table fails at start rather than as a dead letter per
/// message; reading procedures does not need them.</summary>
internal static class NationalPortalOptionsValidator
{
    public static IEnumerable<string> WritingProblems(NationalPortalOptions options)
    {
        foreach (var problem in StatusMapper.Validate(options.StatusMap))
        {
            yield return problem;
        }

        if (TimeZoneProblem(options.TimeZone) is { } timeZone)
        {
            yield return timeZone;
        }
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
