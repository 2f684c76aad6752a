using IntegrationHub.Host.Configuration;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Host.Admin;

public sealed class AdminAccessHandler(IHostEnvironment environment, IOptions<HubOptions> hubOptions, IHttpContextAccessor accessor)
    : AuthorizationHandler<AdminAccessRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, AdminAccessRequirement requirement)
    {
        if (Allows(context.User, accessor.HttpContext, requirement.Role))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }

    /// <summary>Whether the request's officer has <paramref name="role"/>: a signed-in officer by their roles (also on
    /// loopback in Development, so roles can be tried there), an anonymous local Development request always.</summary>
    public bool Allows(System.Security.Claims.ClaimsPrincipal user, HttpContext? context, string role) =>
        user.Identity?.IsAuthenticated == true
            ? user.IsInRole(role)
            : IsAnonymousLoopbackAllowed(environment, hubOptions.Value.Admin, context);

    /// <summary>The anonymous rule alone: Development, allowed by config, and a request that is local in every respect
    /// (<see cref="LoopbackRequest"/>: peer, Host, Origin and Referer, no proxy in between).</summary>
    public static bool IsAnonymousLoopbackAllowed(IHostEnvironment environment, AdminOptions admin, HttpContext? context) =>
        environment.IsDevelopment() && admin.AllowAnonymousLoopbackInDevelopment && context is not null && LoopbackRequest.IsLocal(context);
}
