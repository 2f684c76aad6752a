namespace IntegrationHub.Connectors.Sandboxing;

/// <summary>One generated citizen, shared by sandboxes that must agree on who exists (the population database and the
/// one-stop-shop whose dossiers name these people).</summary>
public sealed record SandboxCitizen(
    string SoDinhDanh,
    string HoVaTen,
    DateOnly NgaySinh,
    bool Female,
    SandboxAddress ThuongTru,
    SandboxAddress NoiOHienTai,
    SandboxAddress QueQuan)
{
    /// <summary>Keeps the id masked when a citizen is printed (test output, logs).</summary>
    public override string ToString() => $"SandboxCitizen {{ SoDinhDanh = {SoDinhDanh[..Math.Min(4, SoDinhDanh.Length)]}******, NgaySinh = {NgaySinh:yyyy} }}";
}
