using IntegrationHub.Host.Storage;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace IntegrationHub.Host;

/// <summary>A started hub: the web app, where it listens, and the embedded PostgreSQL it owns (if any),
/// which is stopped after the app so jobs finish writing first.</summary>
public sealed class HubHost(WebApplication app, EmbeddedPostgres? postgres) : IAsyncDisposable
{
    private bool _disposed;

    public WebApplication App { get; } = app;

    public IServiceProvider Services => App.Services;

    public EmbeddedPostgres? Postgres { get; } = postgres;

    public Uri BaseAddress
    {
        get
        {
            var address = App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            return new Uri(address.TrimEnd('/') + "/");
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        try
        {
            await App.StopAsync();
        }
        finally
        {
            await App.DisposeAsync();
            if (Postgres is not null)
            {
                await Postgres.StopAsync();
            }
        }
    }
}
