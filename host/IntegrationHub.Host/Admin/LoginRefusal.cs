namespace IntegrationHub.Host.Admin;

/// <summary>Which limit refused a login before its password was checked.</summary>
public enum LoginRefusal
{
    None,

    /// <summary>The client address used up its checks for the window (or has too many waiting).</summary>
    Address,

    /// <summary>The user name has had too many wrong passwords in the window, from all addresses together.</summary>
    UserName,

    /// <summary>Too many checks are already waiting for their turn in the whole hub.</summary>
    Busy,
}
