using IntegrationHub.Host;
using IntegrationHub.Host.Admin;
using IntegrationHub.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Xunit;

namespace IntegrationHub.Tests.Admin;

/// <summary>Officers' accounts and single sign-on are checked at start, every problem at once, and check-config reports
/// the same; an account set by officers alone (no single login) is enough for Production.</summary>
public sealed class OfficerAccountsConfigurationTests
{
    // Validation runs before the database is touched, so no server needs to listen here.
    private const string UnusedDatabase = "Host=127.0.0.1;Port=1;Username=nobody;Password=x;Database=none";

    [Fact]
    public async Task Unknown_roles_duplicate_names_missing_hashes_and_a_bad_sso_are_refused_at_start_and_by_check_config()
    {
        var settings = TestOfficers.AddTo(TestHub.BaseSettings(UnusedDatabase));
        settings["Hub:Admin:Users:1:Roles:1"] = "superuser";
        settings["Hub:Admin:Users:2:Username"] = "VANHANH";
        settings["Hub:Admin:Users:3:Username"] = "quen-mat-khau";
        settings["Hub:Admin:Users:3:Roles:0"] = "viewer";
        settings["Hub:Admin:Users:4:Username"] = "khong:vai-tro";
        settings["Hub:Admin:Users:4:PasswordHash"] = "plain text password";
        settings["Hub:Admin:Oidc:Authority"] = "http://sso.tinh.gov.vn/realms/cancbo";
        settings["Hub:Admin:Oidc:RoleMap:TTTH-VanHanh:0"] = "operater";

        var expected =
            """
             - Hub:Admin:Users:1:Roles: 'superuser' is not a role (known: viewer, operator, auditor).
             - Hub:Admin:Users:2:Username 'VANHANH' is already the login of Hub:Admin:Users:1:Username; each officer needs a login of their own.
             - Hub:Admin:Users:3:PasswordHash is required: make one with 'dotnet run --project host/IntegrationHub.Host -- hash-password' and set it through the environment (Hub__Admin__Users__3__PasswordHash).
             - Hub:Admin:Users:4:Username 'khong:vai-tro' may not contain ':' or control characters.
             - Hub:Admin:Users:4:PasswordHash is not a hash made by 'hash-password'.
             - Hub:Admin:Users:4:Roles: give at least one of viewer, operator, auditor.
             - Hub:Admin:Oidc:Authority 'http://sso.tinh.gov.vn/realms/cancbo' must use https (plain http only on loopback, for tests).
             - Hub:Admin:Oidc:ClientId is required with an Authority.
             - Hub:Admin:Oidc:RoleMap:TTTH-VanHanh: 'operater' is not a role (known: viewer, operator, auditor).
            """.ReplaceLineEndings(Environment.NewLine);

        var atStart = await Assert.ThrowsAsync<HubStartupException>(() => TestHub.StartAsync(settings));
        Assert.Equal($"IntegrationHub cannot start in environment 'Testing': 9 configuration problem(s):{Environment.NewLine}{expected.TrimEnd()}", atStart.Message);

        var checkedOnly = await Assert.ThrowsAsync<HubStartupException>(() =>
            HubApplication.CheckConfigurationAsync(["--environment", "Testing"], c => c.AddInMemoryCollection(settings)));
        Assert.Equal(atStart.Message, checkedOnly.Message);
    }

    [Fact]
    public async Task Officers_accounts_alone_are_a_login_for_production()
    {
        var settings = TestOfficers.AddTo(TestHub.BaseSettings(UnusedDatabase));
        settings["Connectors:national-portal:BaseUrl"] = "http://127.0.0.1:9/";
        settings["Connectors:igate:BaseUrl"] = "http://127.0.0.1:9/";
        settings["Hub:Admin:Username"] = "";
        settings["Hub:Admin:PasswordHash"] = "";

        var report = await HubApplication.CheckConfigurationAsync(["--environment", "Production"], c => c.AddInMemoryCollection(settings));

        Assert.StartsWith("The configuration of environment 'Production' has no problem", report, StringComparison.Ordinal);
    }

    [Fact]
    public void The_single_login_of_earlier_versions_is_one_account_with_every_role_beside_the_officers()
    {
        var admin = new Host.Configuration.AdminOptions
        {
            Username = "admin",
            PasswordHash = "AQAAAAIAAYagAAAAEP",
            Users = [new() { Username = "xem", PasswordHash = "AQAAAAIAAYagAAAAEQ", DisplayName = " Phạm Thị Xem ", Roles = ["Viewer"] }, new() { Username = "vanhanh", PasswordHash = "AQAAAAIAAYagAAAAER", Roles = ["operator"] }],
        };

        var accounts = OfficerAccounts.From(admin).ToList();

        Assert.Equal(["admin", "xem", "vanhanh"], accounts.Select(a => a.Username));
        Assert.Equal(["viewer", "operator", "auditor"], accounts[0].Roles);
        Assert.Equal(["viewer"], accounts[1].Roles);
        Assert.Equal("Phạm Thị Xem", accounts[1].DisplayName);
        Assert.Equal(["viewer", "operator"], accounts[2].Roles);
        Assert.DoesNotContain("AQAA", accounts[2].ToString(), StringComparison.Ordinal);
    }
}
