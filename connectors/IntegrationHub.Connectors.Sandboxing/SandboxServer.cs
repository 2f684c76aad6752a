using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace IntegrationHub.Connectors.Sandboxing;

/// <summary>Runs a sandbox as its own small Kestrel app on 127.0.0.1, so it speaks real HTTP like the counterparty.</summary>
public sealed class SandboxServer : IAsyncDisposable
{
    private WebApplication? _app;

    public Uri? BaseAddress { get; private set; }

    /// <param name="port">0 picks a free port.</param>
    /// <param name="configure">Maps the sandbox's endpoints; runs after fault injection is installed.</param>
    public Task<Uri> StartAsync(int port, SandboxFaultInjector faults, Action<WebApplication> configure, CancellationToken cancellationToken) =>
        StartAsync(port, faults, static _ => { }, configure, cancellationToken);

    /// <param name="port">0 picks a free port.</param>
    /// <param name="configureServices">Adds the sandbox's services (e.g. a SOAP stack) before the app is built.</param>
    /// <param name="configure">Maps the sandbox's endpoints; runs after fault injection is installed.</param>
    public async Task<Uri> StartAsync(int port, SandboxFaultInjector faults, Action<IServiceCollection> configureServices, Action<WebApplication> configure, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(System.Net.IPAddress.Loopback, port));
        builder.Services.AddSingleton(faults);
        configureServices(builder.Services);
        var app = builder.Build();
        app.UseMiddleware<SandboxFaultMiddleware>();
        configure(app);
        await app.StartAsync(cancellationToken);
        _app = app;
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/') + "/");
        return BaseAddress;
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
            _app = null;
        }
    }
}
