namespace IntegrationHub.Tests.PersonalData;

/// <summary>Personal ids of a demo run: dossier applicants (iGate), owners of certified e-copies (e-copy platform), the
/// population database's citizens.</summary>
internal sealed record DemoIds(IReadOnlySet<string> Applicants, IReadOnlySet<string> Certified, IReadOnlySet<string> Citizens)
{
    public IReadOnlySet<string> All => Applicants.Concat(Certified).Concat(Citizens).ToHashSet(StringComparer.Ordinal);
}
