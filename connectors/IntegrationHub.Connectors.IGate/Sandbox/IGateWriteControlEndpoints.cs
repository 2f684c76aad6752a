using System.Text.Json;
using IntegrationHub.Connectors.IGate.Sandbox.Writes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace IntegrationHub.Connectors.IGate.Sandbox;

/// <summary>Counts of the payments and evaluations streams: <c>GET /sandbox/payments/stats</c> and
/// <c>GET /sandbox/evaluations/stats</c>, with <c>?details=true</c> the applied writes per key (no API key, never faulted).</summary>
internal static class IGateWriteControlEndpoints
{
    public static void Map(IEndpointRouteBuilder app, IGateDossierSet dossiers)
    {
        MapStats(app, "/sandbox/payments/stats", dossiers.PaymentLedger);
        MapStats(app, "/sandbox/evaluations/stats", dossiers.EvaluationBook);
        MapStats(app, "/sandbox/citizen-checks/stats", dossiers.CitizenCheckBook);
    }

    private static void MapStats(IEndpointRouteBuilder app, string path, IdempotentBatchBook book) =>
        app.MapGet(path, (bool? details) =>
        {
            var stats = JsonSerializer.SerializeToNode(book.Stats(), JsonSerializerOptions.Web)!.AsObject();
            if (details == true)
            {
                stats["writeCounts"] = JsonSerializer.SerializeToNode(book.WriteCounts(), JsonSerializerOptions.Web);
            }

            return Results.Content(stats.ToJsonString(), "application/json");
        });
}
