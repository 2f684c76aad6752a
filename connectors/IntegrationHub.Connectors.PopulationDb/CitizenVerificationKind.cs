namespace IntegrationHub.Connectors.PopulationDb;

public enum CitizenVerificationKind
{
    /// <summary>The database knows the id and the name and date of birth agree.</summary>
    Match,

    /// <summary>The database knows the id but the name or date of birth differ.</summary>
    Mismatch,

    /// <summary>No citizen has this id.</summary>
    NotFound,
}
