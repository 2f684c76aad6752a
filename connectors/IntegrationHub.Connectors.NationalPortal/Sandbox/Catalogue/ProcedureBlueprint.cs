namespace IntegrationHub.Connectors.NationalPortal.Sandbox.Catalogue;

/// <summary>The drawn identity of one procedure (subject, action, qualifier); the summary and the details are both
/// built from it, so they always agree.</summary>
internal sealed record ProcedureBlueprint(string Code, CatalogueSubject Subject, string Action, string Qualifier)
{
    public string Name => Qualifier.Length == 0 ? $"{Action} {Subject.Name}" : $"{Action} {Subject.Name} {Qualifier}";

    /// <summary>The action as it reads mid-sentence ("cấp lại giấy phép...").</summary>
    public string ActionInSentence => char.ToLowerInvariant(Action[0]) + Action[1..];

    public ProcedureSummary ToSummary() =>
        new(Code, Name, Subject.Field.Code, Subject.Field.Name, Subject.Field.Level);
}
