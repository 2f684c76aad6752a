namespace IntegrationHub.Host.Configuration;

/// <summary>One officer's login (<c>Hub:Admin:Users:&lt;i&gt;</c>).</summary>
public sealed class AdminAccountOptions
{
    /// <summary>What the officer types at the login; unique, without ':' (HTTP Basic splits there).</summary>
    public string? Username { get; set; }

    /// <summary>Made by <c>hash-password</c>; the password itself is never stored.</summary>
    public string? PasswordHash { get; set; }

    /// <summary>The name audit records show beside the username, e.g. <c>Nguyễn Văn An</c>.</summary>
    public string? DisplayName { get; set; }

    /// <summary>Any of <c>viewer</c>, <c>operator</c>, <c>auditor</c>; every officer can read, so <c>viewer</c> is implied.</summary>
    public List<string> Roles { get; set; } = [];
}
