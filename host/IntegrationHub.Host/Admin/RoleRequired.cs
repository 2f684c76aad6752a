using System.Security.Claims;
using IntegrationHub.Contracts;

namespace IntegrationHub.Host.Admin;

/// <summary>The answer to a signed-in officer who lacks the role an action needs: 403 problem+json, code
/// <c>role_required</c>, with <c>role</c> naming it.</summary>
public static class RoleRequired
{
    public const string Code = "role_required";

    public static IResult Result(ClaimsPrincipal user, string role)
    {
        var has = OfficerPrincipal.Roles(user);
        return Results.Problem(
            statusCode: StatusCodes.Status403Forbidden,
            title: "Role required",
            detail: $"This needs the '{role}' role; {OperatorName.Of(user) ?? "this login"} has {(has.Count == 0 ? "no role" : string.Join(", ", has))}. Ask the hub's administrators to give it in Hub:Admin:Users (or the SSO's role claim).",
            extensions: new Dictionary<string, object?> { ["code"] = Code, ["role"] = role });
    }
}
