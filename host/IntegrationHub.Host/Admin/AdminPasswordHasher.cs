using Microsoft.AspNetCore.Identity;

namespace IntegrationHub.Host.Admin;

/// <summary>ASP.NET Core Identity's PBKDF2 password hash format (V3), so the config holds no password.</summary>
public static class AdminPasswordHasher
{
    private static readonly PasswordHasher<string> Hasher = new();

    public static string Hash(string password) => Hasher.HashPassword(string.Empty, password);

    public static bool Verify(string hash, string password) =>
        Hasher.VerifyHashedPassword(string.Empty, hash, password) != PasswordVerificationResult.Failed;

    public static bool IsWellFormed(string hash)
    {
        try
        {
            var bytes = Convert.FromBase64String(hash);
            return bytes.Length > 13 && bytes[0] == 0x01;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
