using IntegrationHub.Host.Configuration;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Host.Admin;

/// <summary>The configured logins: each of <c>Hub:Admin:Users</c>, and the single <c>Hub:Admin:Username</c> of earlier
/// versions as one more account with every role. Names are matched without regard to case.</summary>
public sealed class OfficerAccounts
{
    private readonly Dictionary<string, OfficerAccount> _byName;

    public OfficerAccounts(IOptions<HubOptions> hubOptions)
    {
        _byName = new Dictionary<string, OfficerAccount>(StringComparer.OrdinalIgnoreCase);
        foreach (var account in From(hubOptions.Value.Admin))
        {
            _byName.TryAdd(account.Username, account);
        }

        // A name that is no account is checked against this hash, so a wrong name costs what a wrong password does.
        DecoyHash = _byName.Values.FirstOrDefault()?.PasswordHash;
    }

    public bool IsEmpty => _byName.Count == 0;

    public string? DecoyHash { get; }

    public OfficerAccount? Find(string username) => _byName.GetValueOrDefault(username);

    /// <summary>The accounts as configured (the checks are <see cref="Problems"/>'): well-formed ones only.</summary>
    public static IEnumerable<OfficerAccount> From(AdminOptions admin)
    {
        if (!string.IsNullOrWhiteSpace(admin.Username) && !string.IsNullOrWhiteSpace(admin.PasswordHash))
        {
            yield return new OfficerAccount(admin.Username.Trim(), admin.PasswordHash.Trim(), null, OfficerRoles.All);
        }

        foreach (var user in admin.Users.Where(u => !string.IsNullOrWhiteSpace(u.Username) && !string.IsNullOrWhiteSpace(u.PasswordHash)))
        {
            yield return new OfficerAccount(user.Username!.Trim(), user.PasswordHash!.Trim(), user.DisplayName?.Trim(), OfficerRoles.WithViewer(user.Roles));
        }
    }

    /// <summary>Every problem of the configured accounts, each naming its key.</summary>
    public static IEnumerable<string> Problems(AdminOptions admin)
    {
        var names = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (!string.IsNullOrWhiteSpace(admin.Username))
        {
            names[admin.Username.Trim()] = "Hub:Admin:Username";
        }

        for (var i = 0; i < admin.Users.Count; i++)
        {
            var user = admin.Users[i];
            var key = $"Hub:Admin:Users:{i}";
            var name = user.Username?.Trim();
            if (string.IsNullOrEmpty(name))
            {
                yield return $"{key}:Username is required.";
            }
            else if (name.Contains(':', StringComparison.Ordinal) || name.Any(char.IsControl))
            {
                yield return $"{key}:Username '{name}' may not contain ':' or control characters.";
            }
            else if (!names.TryAdd(name, $"{key}:Username"))
            {
                yield return $"{key}:Username '{name}' is already the login of {names[name]}; each officer needs a login of their own.";
            }

            if (string.IsNullOrWhiteSpace(user.PasswordHash))
            {
                yield return $"{key}:PasswordHash is required: make one with 'dotnet run --project host/IntegrationHub.Host -- hash-password' and set it through the environment (Hub__Admin__Users__{i}__PasswordHash).";
            }
            else if (!AdminPasswordHasher.IsWellFormed(user.PasswordHash.Trim()))
            {
                yield return $"{key}:PasswordHash is not a hash made by 'hash-password'.";
            }

            if (user.Roles.Count == 0)
            {
                yield return $"{key}:Roles: give at least one of {string.Join(", ", OfficerRoles.All)}.";
            }

            foreach (var role in user.Roles.Where(r => OfficerRoles.Normalize(r) is null))
            {
                yield return $"{key}:Roles: '{role}' is not a role (known: {string.Join(", ", OfficerRoles.All)}).";
            }
        }
    }
}
