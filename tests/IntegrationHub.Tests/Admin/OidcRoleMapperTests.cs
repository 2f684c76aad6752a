using System.Security.Claims;
using IntegrationHub.Contracts;
using IntegrationHub.Host.Admin;
using IntegrationHub.Host.Configuration;
using Xunit;

namespace IntegrationHub.Tests.Admin;

/// <summary>What an SSO sign-in becomes in the hub: roles from the configured claim through the role map (or, without a
/// map, claim values that are role names), no role for values the map does not know, and the officer named as audit
/// records name them.</summary>
public sealed class OidcRoleMapperTests
{
    private static readonly Dictionary<string, List<string>> Map = new(StringComparer.Ordinal)
    {
        ["TTTH-GiamSat"] = ["viewer"],
        ["TTTH-VanHanh"] = ["operator"],
        ["TTTH-LanhDao"] = ["operator", "Auditor"],
    };

    [Theory]
    [InlineData(new[] { "TTTH-GiamSat" }, new[] { "viewer" })]
    [InlineData(new[] { "TTTH-VanHanh" }, new[] { "viewer", "operator" })]
    [InlineData(new[] { "TTTH-LanhDao", "TTTH-VanHanh" }, new[] { "viewer", "operator", "auditor" })]
    [InlineData(new[] { "So-TaiChinh", "operator" }, new string[0])]
    [InlineData(new string[0], new string[0])]
    public void Claim_values_give_the_mapped_roles_only(string[] values, string[] roles) =>
        Assert.Equal(roles, OidcRoleMapper.Map(values, Map));

    [Fact]
    public void Without_a_map_values_that_are_role_names_are_the_roles() =>
        Assert.Equal(["viewer", "auditor"], OidcRoleMapper.Map(["Auditor", "hr-staff", "admin"], new Dictionary<string, List<string>>()));

    [Fact]
    public void The_signed_in_officer_keeps_their_login_name_display_name_and_mapped_roles_only()
    {
        var sso = new ClaimsPrincipal(new ClaimsIdentity(
        [
            new Claim("sub", "f2c1"), new Claim("preferred_username", "nva@tinh.gov.vn"), new Claim("name", "Nguyễn Văn An"),
            new Claim("groups", "TTTH-VanHanh"), new Claim("groups", "So-NoiVu"), new Claim("email", "nva@tinh.gov.vn"),
        ], "sso"));
        var options = new AdminOidcOptions { Authority = "https://sso.tinh.gov.vn", ClientId = "hub", RoleClaim = "groups", RoleMap = Map };

        var officer = OfficerAuthentication.SignedInOfficer(sso, options);

        Assert.Equal("Nguyễn Văn An (nva@tinh.gov.vn)", OperatorName.Of(officer));
        Assert.True(officer.IsInRole("operator") && officer.IsInRole("viewer") && !officer.IsInRole("auditor"));
        Assert.Null(officer.FindFirst("email"));
        Assert.Empty(OidcRoleMapper.Problems(options));
    }
}
