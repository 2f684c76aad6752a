namespace IntegrationHub.Host.Admin;

/// <summary>One configured login: its name, password hash, the name audit records show, and its roles (viewer included).</summary>
public sealed record OfficerAccount(string Username, string PasswordHash, string? DisplayName, IReadOnlyList<string> Roles)
{
    /// <summary>Never the hash.</summary>
    public override string ToString() => $"OfficerAccount {{ Username = {Username}, Roles = {string.Join(", ", Roles)} }}";
}
