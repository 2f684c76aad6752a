using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace IntegrationHub.Connectors.Tests.DocumentExchange;

/// <summary>A platform and iDesk stand-in on 127.0.0.1 that lists one document and then sends only the start of its
/// body and stalls (until the client gives up): what a connection that hangs mid-download looks like.</summary>
internal sealed class StallingServer : IAsyncDisposable
{
    public const string DocumentId = "000.00.00.G22,2026/11/28,777";

    private readonly WebApplication _app;

    private StallingServer(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>Set once the partial body has been sent, so a test can tell a stall from a failure before it.</summary>
    public TaskCompletionSource BodyStarted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public static async Task<StallingServer> StartAsync(string bodyStart)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        StallingServer? server = null;
        app.MapGet("/api/edxml/documents/received", () => Results.Json(new
        {
            items = new[] { new { documentId = DocumentId, fromOrganId = "000.00.00.G22", code = "777/BNV", promulgationDate = "2026-11-28", subject = "x" } },
        }));
        app.MapGet("/api/idesk/outgoing", () => Results.Json(new { items = new[] { new { seq = 1, documentId = DocumentId } }, hasMore = false }));
        app.MapGet("/api/edxml/documents/content", context => StallAsync(context, bodyStart, server!));
        app.MapGet("/api/idesk/outgoing/content", context => StallAsync(context, bodyStart, server!));
        await app.StartAsync();
        server = new StallingServer(app, new Uri(app.Urls.Single()));
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _app.StopAsync(stop.Token);
        await _app.DisposeAsync();
    }

    private static async Task StallAsync(HttpContext context, string bodyStart, StallingServer server)
    {
        context.Response.ContentType = "application/xml; charset=utf-8";
        await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(bodyStart), context.RequestAborted);
        await context.Response.Body.FlushAsync(context.RequestAborted);
        server.BodyStarted.TrySetResult();
        try
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, context.RequestAborted);
        }
        catch (OperationCanceledException)
        {
            // The client gave up: what the test waits for.
        }
    }
}
