using System.Net.Http.Headers;
using System.Text;
using IntegrationHub.Host;
using IntegrationHub.Host.Admin;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace IntegrationHub.Tests.Infrastructure;

/// <summary>Starts a real hub in this process on a free loopback port, against a test database, with an admin login.</summary>
public static class TestHub
{
    public const string AdminUser = "admin";
    public const string AdminPassword = "correct horse battery staple";
    public static string PaymentPartnerCode => RegisteredModules.Setting("payment-platform", "MaDoiTac");
    public static string PaymentSecret => RegisteredModules.Setting("payment-platform", "SecretKey");
    public const string PortalPartnerKey = "cong-dvc-test-api-key-01";
    public const string PortalPartnerSecret = "cong-dvc-test-hmac-secret-0123456789abcdef";
    public const string InboundPartnerKey = "dvcqg-test-api-key-0001";
    public const string InboundPartnerSecret = "dvcqg-test-hmac-secret-0123456789abcdef";
    public static string PopulationApiKey => RegisteredModules.Setting("population-db", "ApiKey");
    public static string PopulationMaTichHop => RegisteredModules.Setting("population-db", "MaTichHop");
    public static string ExchangeApiKey => RegisteredModules.Setting("exchange", "ApiKey");
    public static string IDeskApiKey => RegisteredModules.Setting("idesk", "ApiKey");
    private static readonly Lazy<string> AdminHash = new(() => AdminPasswordHasher.Hash(AdminPassword));

    /// <summary>One evidence signing key for the test run (written to a temp file, as an operator would give it), so
    /// hubs started as Production have theirs.</summary>
    private static readonly Lazy<string> EvidenceKeyPath = new(() =>
    {
        using var key = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256);
        var path = Path.Combine(Directory.CreateTempSubdirectory("hub-evidence-key-").FullName, "signing-key.pem");
        File.WriteAllText(path, key.ExportPkcs8PrivateKeyPem());
        return path;
    });

    /// <summary>Settings every test hub gets: fast pickup, short retries, quick shutdown, no schedule firing during a test.</summary>
    public static Dictionary<string, string?> BaseSettings(string connectionString)
    {
        var settings = new Dictionary<string, string?>(RegisteredModules.ConnectorSettings, StringComparer.OrdinalIgnoreCase);
        foreach (var connector in RegisteredModules.ConnectorIds)
        {
            settings[$"Connectors:{connector}:Resilience:RetryBaseDelay"] = "00:00:00.050";
            settings[$"Connectors:{connector}:Resilience:RetryMaxDelay"] = "00:00:00.500";
        }

        // Flows run when a test says so: no schedule fires during a test.
        foreach (var flow in RegisteredModules.ScheduledFlowIds)
        {
            settings[$"Flows:{flow}:Schedule"] = "0 0 3 1 1 ? 2099";
            settings[$"Flows:{flow}:RunOnStart"] = "false";
        }

        // config/flows.json ships the payments flow's reconciled-by SLA: off, so no test meets its alerts by the wall clock.
        settings["Flows:payments:Sla:Enabled"] = "false";

        foreach (var (key, value) in HubSettings(connectionString))
        {
            settings[key] = value;
        }

        return settings;
    }

    private static Dictionary<string, string?> HubSettings(string connectionString) => new()
    {
        ["ConnectionStrings:Hub"] = connectionString,
        ["Hub:Http:Urls"] = "http://127.0.0.1:0",
        ["Hub:Admin:Username"] = AdminUser,
        ["Hub:Admin:PasswordHash"] = AdminHash.Value,
        ["Hub:Jobs:WorkerCount"] = "4",
        ["Hub:Jobs:RetryDelaysSeconds:0"] = "1",
        ["Hub:Jobs:RetryDelaysSeconds:1"] = "1",
        ["Hub:Jobs:RetryDelaysSeconds:2"] = "2",
        ["Hub:Jobs:RetryDelaysSeconds:3"] = "2",
        ["Hub:Jobs:RetryDelaysSeconds:4"] = "3",
        ["Hub:Jobs:RetryDelaysSeconds:5"] = "3",
        ["Hub:Jobs:ShutdownTimeout"] = "00:00:05",
        ["Hub:Delivery:RetryBackoff"] = "00:00:00.200",
        ["Hub:Scheduling:SchedulerName"] = "IntegrationHubTest",
        ["Sandboxes:Enabled"] = "false",
        ["Hub:Evidence:SigningKey:Path"] = EvidenceKeyPath.Value,
        ["Inbound:Partners:cong-dvc:ApiKey"] = PortalPartnerKey,
        ["Inbound:Partners:cong-dvc:Secret"] = PortalPartnerSecret,
        ["Inbound:Partners:dvcqg:ApiKey"] = InboundPartnerKey,
        ["Inbound:Partners:dvcqg:Secret"] = InboundPartnerSecret,
        // Given, not generated: tests that start a hub as Production need them, and no test writes keys into the checkout.
        ["Hub:PersonalData:Keys:test1"] = "dGVzdC1wZXJzb25hbC1kYXRhLWtleS0wMTIzNDU2Nzg=",
        ["Hub:PersonalData:BlindIndexKey"] = "dGVzdC1ibGluZC1pbmRleC1rZXktMDEyMzQ1Njc4OWFi",
    };

    public static Task<HubHost> StartAsync(
        IDictionary<string, string?> settings, string environment = "Testing", Action<ILoggingBuilder>? logging = null, TimeProvider? clock = null) =>
        HubApplication.StartAsync(
            ["--environment", environment],
            c => c.AddInMemoryCollection(settings),
            logging: logging,
            services: clock is null ? null : s => s.AddSingleton(clock));

    public static HttpClient AdminClient(HubHost hub) => AdminClient(hub.BaseAddress);

    /// <summary>An admin client for a hub at <paramref name="baseAddress"/> (e.g. one in its own process).</summary>
    public static HttpClient AdminClient(Uri baseAddress)
    {
        var client = new HttpClient { BaseAddress = baseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{AdminUser}:{AdminPassword}")));
        return client;
    }
}
