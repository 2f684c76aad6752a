using IntegrationHub.Contracts;

namespace IntegrationHub.Host.Admin;

/// <summary>The officer roles and the policy each one stands behind (<see cref="HubPolicies"/>). Every officer is a
/// viewer: reading needs no role of its own, so operator and auditor can see what they act on.</summary>
public static class OfficerRoles
{
    public const string Viewer = "viewer";
    public const string Operator = "operator";
    public const string Auditor = "auditor";

    public static IReadOnlyList<string> All { get; } = [Viewer, Operator, Auditor];

    /// <summary>Each policy and the role it needs.</summary>
    public static IReadOnlyList<(string Policy, string Role)> Policies { get; } =
    [
        (HubPolicies.Admin, Viewer),
        (HubPolicies.Operator, Operator),
        (HubPolicies.Auditor, Auditor),
    ];

    /// <returns>The role as the hub names it (lower case), or null when it is none.</returns>
    public static string? Normalize(string? role) =>
        All.FirstOrDefault(r => string.Equals(r, role?.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>The given roles, known ones only, with <see cref="Viewer"/> always among them.</summary>
    public static IReadOnlyList<string> WithViewer(IEnumerable<string> roles) =>
        [.. roles.Select(Normalize).OfType<string>().Append(Viewer).Distinct(StringComparer.Ordinal).OrderBy(r => All.ToList().IndexOf(r))];
}
