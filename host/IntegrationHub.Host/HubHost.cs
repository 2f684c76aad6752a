using IntegrationHub.Host.Storage;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace IntegrationHub.Host;

/// <summary>A started hub: the web app, where it listens, and the embedded PostgreSQL it owns (if any),
/// which is stopped after the app so jobs finish writing first.</summary>
/// <param name="quartzConnectionString">Quartz opens its own pooled connections; they are closed when the hub stops
/// instead of idling in the process-wide pool (several hubs in one process would otherwise exhaust the server's slots).</param>
public sealed class HubHost(WebApplication app, EmbeddedPostgres? postgres, string quartzConnectionString) : IAsyncDisposable
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
        var dataSource = App.Services.GetRequiredService<Npgsql.NpgsqlDataSource>();
        try
        {
            await App.StopAsync();
        }
        finally
        {
            await App.DisposeAsync();
            await dataSource.DisposeAsync();
            using (var pooled = new Npgsql.NpgsqlConnection(quartzConnectionString))
            {
                Npgsql.NpgsqlConnection.ClearPool(pooled);
            }

            if (Postgres is not null)
            {
                await Postgres.StopAsync();
            }
        }
    }
}
