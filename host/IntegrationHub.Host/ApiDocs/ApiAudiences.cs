using IntegrationHub.Contracts.Inbound;
using IntegrationHub.Host.Inbound;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.ApiExplorer;

namespace IntegrationHub.Host.ApiDocs;

/// <summary>Tells an endpoint's <see cref="ApiAudience"/> from its metadata and route.</summary>
public sealed class ApiAudiences(IEnumerable<DedicatedInboundType> dedicated)
{
    private readonly HashSet<string> _partnerPaths = [InboundEndpoints.Path, .. dedicated.Select(d => d.Path)];

    public ApiAudience Of(ApiDescription description)
    {
        var metadata = description.ActionDescriptor.EndpointMetadata;
        if (metadata.OfType<IAuthorizeData>().Any() && !metadata.OfType<IAllowAnonymous>().Any())
        {
            return ApiAudience.Admin;
        }

        return _partnerPaths.Contains("/" + description.RelativePath) ? ApiAudience.Partner : ApiAudience.Anonymous;
    }
}
