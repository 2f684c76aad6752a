using System.Text.Json;
using IntegrationHub.Connectors.IGate.Api;
using IntegrationHub.Connectors.IGate.Sandbox.Dossiers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace IntegrationHub.Connectors.IGate.Sandbox;

/// <summary>iGate's change feeds, keyset-paginated: <c>GET /dossiers/changes</c> (each dossier's latest version, by
/// (updatedAt, maHoSo)) and <c>GET /progress/changes</c> (every progress entry, by (recordedAt, id)). A page holds the
/// records strictly after (since, afterId); equal timestamps are ordered by id, so none is skipped or repeated.</summary>
internal static class IGateChangesEndpoints
{
    public static void Map(IEndpointRouteBuilder api, DossierStore store)
    {
        api.MapGet("/dossiers/changes", (HttpContext context) => Serve(context, store.DossierChanges));
        api.MapGet("/progress/changes", (HttpContext context) => Serve(context, store.ProgressChanges));
    }

    private static IResult Serve<T>(HttpContext context, Func<long?, string?, int, (IReadOnlyList<T> Items, bool HasMore)> read)
    {
        if (ChangesQuery.Parse(context.Request.Query, out var problem) is not { } query)
        {
            return Results.Json(new IGateErrorReply("IGATE-400", problem), JsonSerializerOptions.Web, statusCode: StatusCodes.Status400BadRequest);
        }

        var (items, hasMore) = read(query.SinceTicks, query.AfterId, query.Limit);
        return Results.Json(new ChangesPage<T>(items, hasMore), DossierJson.Options);
    }
}
