namespace IntegrationHub.Contracts;

/// <summary>Authorization policies the host defines for module endpoints, one per officer role. Every signed-in officer
/// can read; changing something or seeing a personal id needs its own role. A signed-in officer without the role gets
/// 403 problem+json, code <c>role_required</c>, naming the role.</summary>
public static class HubPolicies
{
    /// <summary>Reading (role <c>viewer</c>, which every officer has): dashboard pages and admin GET APIs.</summary>
    public const string Admin = "hub-admin";

    /// <summary>Acting (role <c>operator</c>): runs, pause and resume, replay, discard, the dashboard's actions. Record
    /// <see cref="OperatorName.Of"/> with what is done.</summary>
    public const string Operator = "hub-operator";

    /// <summary>Seeing personal data in full (role <c>auditor</c>): audited reveals of personal ids.</summary>
    public const string Auditor = "hub-auditor";
}
