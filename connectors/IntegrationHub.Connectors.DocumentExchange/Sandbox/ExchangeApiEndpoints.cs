using System.Text.Json;
using IntegrationHub.Connectors.DocumentExchange.Exchange;
using IntegrationHub.Connectors.DocumentExchange.SandboxFiles;
using IntegrationHub.Connectors.DocumentExchange.Transfer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace IntegrationHub.Connectors.DocumentExchange.Sandbox;

/// <summary>The platform's API as <see cref="ExchangeUrls"/> describes it.</summary>
internal static class ExchangeApiEndpoints
{
    public static void Map(WebApplication app, ExchangePlatform platform, EdXmlFileStore files, string apiKey)
    {
        var api = app.MapGroup("/").AddEndpointFilter(SandboxReplies.ApiKeyFilter(ExchangeUrls.ApiKeyHeader, apiKey));
        api.MapGet(ExchangeUrls.Agencies, () => Results.Json(platform.Agencies, JsonSerializerOptions.Web));
        api.MapPost(ExchangeUrls.Documents, (HttpRequest request) => SandboxReplies.ReceiveDocumentAsync(request, files, stored =>
        {
            var outcome = platform.Send(stored, SandboxReplies.IdempotencyKey(request));
            if (outcome != PlatformOutcome.Created)
            {
                File.Delete(stored.Path);
            }

            return outcome.Refused
                ? SandboxReplies.Error(outcome.HttpStatus, outcome.Code!, outcome.Message!)
                : Results.Json(new { documentId = stored.DocumentId, repeated = outcome == PlatformOutcome.Repeated }, JsonSerializerOptions.Web, statusCode: outcome.HttpStatus);
        }));
        api.MapGet(ExchangeUrls.Received, (string organId) => Results.Json(new ExchangeReceivedList(platform.ListReceived(organId)), JsonSerializerOptions.Web));
        api.MapGet(ExchangeUrls.Content, (string organId, string documentId) =>
            platform.Fetch(documentId, organId) is { } path
                ? SandboxReplies.EdXmlFile(path)
                : SandboxReplies.Error(StatusCodes.Status404NotFound, "unknown_document", $"No document {documentId} for {organId}."));
        api.MapPost(ExchangeUrls.Statuses, (HttpRequest request) => SandboxReplies.ReceiveStatusAsync(request, status =>
        {
            var outcome = platform.Post(status, SandboxReplies.IdempotencyKey(request));
            return outcome.Refused
                ? SandboxReplies.Error(outcome.HttpStatus, outcome.Code!, outcome.Message!)
                : Results.Json(new { documentId = status.ResponseFor.DocumentId, repeated = outcome == PlatformOutcome.Repeated }, JsonSerializerOptions.Web, statusCode: outcome.HttpStatus);
        }));
        api.MapGet(ExchangeUrls.Statuses, async (string organId, long? after, int? limit, CancellationToken cancellationToken) =>
        {
            var entries = platform.Statuses(organId, after ?? 0, Math.Clamp(limit ?? 100, 1, 1000), out var hasMore);
            return Results.Json(await StatusXml.PageAsync([.. entries.Select(e => (e.Seq, e.Status))], hasMore, cancellationToken), JsonSerializerOptions.Web);
        });
    }
}
