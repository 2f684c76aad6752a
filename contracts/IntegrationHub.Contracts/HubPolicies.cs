namespace IntegrationHub.Contracts;

/// <summary>Authorization policies the host defines for module endpoints.</summary>
public static class HubPolicies
{
    /// <summary>The admin login (the dashboard's): for admin APIs.</summary>
    public const string Admin = "hub-admin";
}
