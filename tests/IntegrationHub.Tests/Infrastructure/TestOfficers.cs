using IntegrationHub.Host.Admin;

namespace IntegrationHub.Tests.Infrastructure;

/// <summary>Officers' own accounts for a test hub, one per role, beside the single admin login of earlier versions.</summary>
public static class TestOfficers
{
    public const string Viewer = "xem";
    public const string ViewerName = "Phạm Thị Xem";
    public const string Operator = "vanhanh";
    public const string OperatorName = "Trần Văn Vận";
    public const string Auditor = "kiemtra";
    public const string AuditorName = "Lê Thị Kiểm";
    public const string Password = "mật khẩu của cán bộ";
    private static readonly Lazy<string> Hash = new(() => AdminPasswordHasher.Hash(Password));

    /// <summary>Adds the three accounts (viewer; operator; auditor) to a hub's settings.</summary>
    public static Dictionary<string, string?> AddTo(Dictionary<string, string?> settings)
    {
        (string User, string Name, string Role)[] accounts = [(Viewer, ViewerName, "viewer"), (Operator, OperatorName, "operator"), (Auditor, AuditorName, "auditor")];
        for (var i = 0; i < accounts.Length; i++)
        {
            settings[$"Hub:Admin:Users:{i}:Username"] = accounts[i].User;
            settings[$"Hub:Admin:Users:{i}:PasswordHash"] = Hash.Value;
            settings[$"Hub:Admin:Users:{i}:DisplayName"] = accounts[i].Name;
            settings[$"Hub:Admin:Users:{i}:Roles:0"] = accounts[i].Role;
        }

        return settings;
    }

    public static HttpClient Client(Uri baseAddress, string user)
    {
        var client = new HttpClient { BaseAddress = baseAddress };
        client.DefaultRequestHeaders.Authorization = LoopbackClient.Basic(user, Password);
        return client;
    }
}
