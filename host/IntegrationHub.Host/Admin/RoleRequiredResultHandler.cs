using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace IntegrationHub.Host.Admin;

/// <summary>A signed-in officer refused for want of a role gets 403 problem+json, code <c>role_required</c>, naming the
/// role, instead of a bare 403; everything else (401 challenges) is answered as ASP.NET Core does.</summary>
public sealed class RoleRequiredResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Forbidden && context.User.Identity?.IsAuthenticated == true &&
            authorizeResult.AuthorizationFailure?.FailedRequirements.OfType<AdminAccessRequirement>().FirstOrDefault() is { } missing)
        {
            return RoleRequired.Result(context.User, missing.Role).ExecuteAsync(context);
        }

        return _default.HandleAsync(next, context, policy, authorizeResult);
    }
}
