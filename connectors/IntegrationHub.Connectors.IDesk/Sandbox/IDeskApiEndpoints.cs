using System.Text.Json;
using IntegrationHub.Connectors.DocumentExchange;
using IntegrationHub.Connectors.DocumentExchange.Sandbox;
using IntegrationHub.Connectors.DocumentExchange.SandboxFiles;
using IntegrationHub.Connectors.DocumentExchange.Transfer;
using IntegrationHub.Connectors.IDesk.Api;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace IntegrationHub.Connectors.IDesk.Sandbox;

/// <summary>iDesk's integration API as <see cref="IDeskUrls"/> describes it.</summary>
internal static class IDeskApiEndpoints
{
    public static void Map(WebApplication app, IDeskOffice office, EdXmlFileStore files, string apiKey)
    {
        var api = app.MapGroup("/").AddEndpointFilter(SandboxReplies.ApiKeyFilter(IDeskUrls.ApiKeyHeader, apiKey));
        api.MapGet(IDeskUrls.Ping, () => Results.Json(new { ok = true }));
        api.MapGet(IDeskUrls.Outgoing, (long? after, int? limit) =>
        {
            var items = office.Outgoing(after ?? 0, Math.Clamp(limit ?? 50, 1, 1000), out var hasMore);
            return Results.Json(new EdXmlListPage(items, hasMore), JsonSerializerOptions.Web);
        });
        api.MapGet(IDeskUrls.OutgoingContent, (string documentId) =>
            office.OutgoingPath(documentId) is { } path
                ? SandboxReplies.EdXmlFile(path)
                : SandboxReplies.Error(StatusCodes.Status404NotFound, "unknown_document", $"No outgoing document {documentId}."));
        api.MapGet(IDeskUrls.StatusChanges, async (long? after, int? limit, CancellationToken cancellationToken) =>
        {
            var entries = office.StatusChanges(after ?? 0, Math.Clamp(limit ?? 50, 1, 1000), out var hasMore);
            return Results.Json(await StatusXml.PageAsync(entries, hasMore, cancellationToken), JsonSerializerOptions.Web);
        });
        api.MapPost(IDeskUrls.Incoming, (HttpRequest request) => SandboxReplies.ReceiveDocumentAsync(request, files, stored =>
        {
            var isNew = office.Receive(stored, SandboxReplies.IdempotencyKey(request));
            if (!isNew)
            {
                File.Delete(stored.Path);
            }

            return Results.Json(new { documentId = stored.DocumentId, repeated = !isNew }, JsonSerializerOptions.Web, statusCode: isNew ? 201 : 200);
        }));
        api.MapPost(IDeskUrls.Statuses, (HttpRequest request) => SandboxReplies.ReceiveStatusAsync(request, status =>
            office.Apply(status, SandboxReplies.IdempotencyKey(request)) is { } refusal
                ? SandboxReplies.Error(StatusCodes.Status404NotFound, refusal.Code, refusal.Message)
                : Results.Json(new { documentId = status.ResponseFor.DocumentId }, JsonSerializerOptions.Web)));
    }
}
