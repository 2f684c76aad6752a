using IntegrationHub.Host;
using IntegrationHub.Tests.Infrastructure;
using Microsoft.Extensions.Logging;

namespace IntegrationHub.Tests.Payments;

/// <summary>A hub on a fresh database with iGate and the payment platform sandboxes, one iGate dossier to pay for,
/// the portal's signing client and the admin client.</summary>
internal sealed class PaymentRig : IAsyncDisposable
{
    private PaymentRig(PaymentSandboxes sandboxes, HubHost hub, string database, string maHoSo)
    {
        Sandboxes = sandboxes;
        Hub = hub;
        Database = database;
        MaHoSo = maHoSo;
        Portal = PaymentTestKit.PortalClient(hub);
        Admin = TestHub.AdminClient(hub);
    }

    public PaymentSandboxes Sandboxes { get; }

    public HubHost Hub { get; }

    public string Database { get; }

    public string MaHoSo { get; }

    public HttpClient Portal { get; }

    public HttpClient Admin { get; }

    public static async Task<PaymentRig> StartAsync(
        PostgresCluster cluster, Action<IDictionary<string, string?>>? configure = null, TimeProvider? clock = null, Action<ILoggingBuilder>? logging = null)
    {
        var sandboxes = await PaymentSandboxes.StartAsync();
        var maHoSo = sandboxes.IGate.Dossiers.Generate(1, 1)[0];
        var database = await cluster.CreateDatabaseAsync();
        var settings = TestHub.BaseSettings(database);
        sandboxes.ApplyTo(settings);
        configure?.Invoke(settings);
        var hub = await TestHub.StartAsync(settings, logging: logging, clock: clock);
        sandboxes.CallBack(hub);
        return new PaymentRig(sandboxes, hub, database, maHoSo);
    }

    public async ValueTask DisposeAsync()
    {
        Portal.Dispose();
        Admin.Dispose();
        await Hub.DisposeAsync();
        await Sandboxes.DisposeAsync();
    }
}
