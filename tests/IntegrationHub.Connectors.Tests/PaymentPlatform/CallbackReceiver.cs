using System.Collections.Concurrent;
using System.Text.Json;
using IntegrationHub.Connectors.PaymentPlatform;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace IntegrationHub.Connectors.Tests.PaymentPlatform;

/// <summary>A small stand-in for the hub's callback endpoint on 127.0.0.1: verifies each callback with a connector and
/// answers with its signed reply ("00" when genuine, "02" otherwise), keeping what it received.</summary>
internal sealed class CallbackReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;

    private CallbackReceiver(WebApplication app, Uri url)
    {
        _app = app;
        Url = url;
    }

    public Uri Url { get; }

    public ConcurrentQueue<(PaymentCallback Callback, CallbackVerdict Verdict)> Received { get; } = new();

    public static async Task<CallbackReceiver> StartAsync(PaymentPlatformConnector connector)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(System.Net.IPAddress.Loopback, 0));
        var app = builder.Build();
        CallbackReceiver? receiver = null;
        app.MapPost("/api/payments/callback", (PaymentCallback callback) =>
        {
            var verdict = connector.Verify(callback);
            receiver!.Received.Enqueue((callback, verdict));
            return Results.Json(verdict.Accepted
                ? connector.CreateReply(PaymentErrorCodes.Success, "Đã nhận")
                : connector.CreateReply(PaymentErrorCodes.BadHash, verdict.Code),
                JsonSerializerOptions.Default);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver = new CallbackReceiver(app, new Uri(new Uri(address), "/api/payments/callback"));
        return receiver;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
