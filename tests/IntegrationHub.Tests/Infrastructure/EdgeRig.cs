using IntegrationHub.Connectors.PopulationDb;
using IntegrationHub.Host;
using Npgsql;

namespace IntegrationHub.Tests.Infrastructure;

/// <summary>One hub with every public endpoint able to succeed: iGate and the payment platform sandboxes (payments), the
/// population database sandbox (citizen lookups), and a client for each caller: the partner dvcqg (REST and SOAP,
/// signed), the provincial portal cong-dvc (payment INIT, signed), the platform (anonymous callbacks) and an admin.</summary>
public sealed class EdgeRig : IAsyncDisposable
{
    private EdgeRig(PaymentSandboxes payments, PopulationDbSandbox population, HubHost hub, string database)
    {
        Payments = payments;
        Population = population;
        Hub = hub;
        Database = database;
        Partner = new HttpClient(new PartnerSigningHandler(TestHub.InboundPartnerKey, TestHub.InboundPartnerSecret)) { BaseAddress = hub.BaseAddress };
        SoapPartner = new HttpClient(new PartnerSigningHandler(TestHub.InboundPartnerKey, TestHub.InboundPartnerSecret, "dvcqg")) { BaseAddress = hub.BaseAddress };
        Portal = new HttpClient(new PartnerSigningHandler(TestHub.PortalPartnerKey, TestHub.PortalPartnerSecret)) { BaseAddress = hub.BaseAddress };
        Anonymous = new HttpClient { BaseAddress = hub.BaseAddress };
        Admin = TestHub.AdminClient(hub);
    }

    public PaymentSandboxes Payments { get; }

    public PopulationDbSandbox Population { get; }

    public HubHost Hub { get; }

    /// <summary>The hub's database (connection string).</summary>
    public string Database { get; }

    public HttpClient Partner { get; }

    /// <summary>Signs as dvcqg and names it in X-Partner, as SOAP callers do.</summary>
    public HttpClient SoapPartner { get; }

    public HttpClient Portal { get; }

    public HttpClient Anonymous { get; }

    public HttpClient Admin { get; }

    public static async Task<EdgeRig> StartAsync(PostgresCluster cluster, Action<IDictionary<string, string?>>? configure = null)
    {
        var payments = await PaymentSandboxes.StartAsync();
        var population = new PopulationDbSandbox(new PopulationDbSandboxOptions { ApiKey = TestHub.PopulationApiKey, MaTichHop = TestHub.PopulationMaTichHop });
        try
        {
            await population.StartAsync(CancellationToken.None);
            var database = await cluster.CreateDatabaseAsync();
            var settings = TestHub.BaseSettings(database);
            payments.ApplyTo(settings);
            settings.Wire(population, population.BaseAddress!);
            settings["Connectors:population-db:RetryDelay"] = "00:00:00.020";
            settings["Connectors:population-db:Timeout"] = "00:00:02";
            configure?.Invoke(settings);
            var hub = await TestHub.StartAsync(settings);
            payments.CallBack(hub);
            return new EdgeRig(payments, population, hub, database);
        }
        catch
        {
            await population.DisposeAsync();
            await payments.DisposeAsync();
            throw;
        }
    }

    /// <summary>One number from the hub's database, e.g. a row count.</summary>
    public async Task<long> ScalarAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(Database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async ValueTask DisposeAsync()
    {
        Partner.Dispose();
        SoapPartner.Dispose();
        Portal.Dispose();
        Anonymous.Dispose();
        Admin.Dispose();
        await Hub.DisposeAsync();
        await Population.DisposeAsync();
        await Payments.DisposeAsync();
    }
}
