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
    public const string PaymentPartnerCode = "HUBTEST";
    public const string PaymentSecret = "payment-test-secret-0123456789";
    public const string PortalPartnerKey = "cong-dvc-test-api-key-01";
    public const string PortalPartnerSecret = "cong-dvc-test-hmac-secret-0123456789abcdef";
    public const string InboundPartnerKey = "dvcqg-test-api-key-0001";
    public const string InboundPartnerSecret = "dvcqg-test-hmac-secret-0123456789abcdef";
    public const string PopulationApiKey = "population-test-api-key";
    public const string PopulationMaTichHop = "TEST-TICH-HOP";
    public const string ExchangeApiKey = "exchange-test-api-key";
    public const string IDeskApiKey = "idesk-test-api-key";
    private static readonly Lazy<string> AdminHash = new(() => AdminPasswordHasher.Hash(AdminPassword));

    /// <summary>Settings every test hub gets: fast pickup, short retries, quick shutdown, no schedule firing during a test.</summary>
    public static Dictionary<string, string?> BaseSettings(string connectionString) => new()
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
        ["Flows:procedures:Schedule"] = "0 0 3 1 1 ? 2099",
        ["Flows:procedures:RunOnStart"] = "false",
        ["Flows:dossiers:Schedule"] = "0 0 3 1 1 ? 2099",
        ["Flows:dossiers:RunOnStart"] = "false",
        ["Flows:progress:Schedule"] = "0 0 3 1 1 ? 2099",
        ["Flows:progress:RunOnStart"] = "false",
        ["Flows:citizen-checks:Schedule"] = "0 0 3 1 1 ? 2099",
        ["Flows:citizen-checks:RunOnStart"] = "false",
        ["Flows:documents-out:Schedule"] = "0 0 3 1 1 ? 2099",
        ["Flows:documents-in:Schedule"] = "0 0 3 1 1 ? 2099",
        ["Flows:document-statuses-out:Schedule"] = "0 0 3 1 1 ? 2099",
        ["Flows:document-statuses-in:Schedule"] = "0 0 3 1 1 ? 2099",
        ["Sandboxes:Enabled"] = "false",
        // Nothing listens on port 9: tests that sync point these at sandboxes.
        ["Connectors:national-portal:BaseUrl"] = "http://127.0.0.1:9/",
        ["Connectors:igate:BaseUrl"] = "http://127.0.0.1:9/",
        ["Connectors:national-portal:Username"] = "sandbox-hub",
        ["Connectors:national-portal:Password"] = "sandbox-test-password",
        ["Connectors:national-portal:Resilience:RetryBaseDelay"] = "00:00:00.050",
        ["Connectors:national-portal:Resilience:RetryMaxDelay"] = "00:00:00.500",
        ["Connectors:igate:ApiKey"] = "igate-test-key",
        ["Connectors:payment-platform:BaseUrl"] = "http://127.0.0.1:9/",
        ["Connectors:payment-platform:MaDoiTac"] = PaymentPartnerCode,
        ["Connectors:payment-platform:SecretKey"] = PaymentSecret,
        ["Connectors:payment-platform:Resilience:RetryBaseDelay"] = "00:00:00.050",
        ["Connectors:payment-platform:Resilience:RetryMaxDelay"] = "00:00:00.500",
        ["Inbound:Partners:cong-dvc:ApiKey"] = PortalPartnerKey,
        ["Inbound:Partners:cong-dvc:Secret"] = PortalPartnerSecret,
        ["Inbound:Partners:dvcqg:ApiKey"] = InboundPartnerKey,
        ["Inbound:Partners:dvcqg:Secret"] = InboundPartnerSecret,
        ["Connectors:igate:Resilience:RetryBaseDelay"] = "00:00:00.050",
        ["Connectors:igate:Resilience:RetryMaxDelay"] = "00:00:00.500",
        ["Connectors:population-db:BaseUrl"] = "http://127.0.0.1:9/",
        ["Connectors:population-db:ApiKey"] = PopulationApiKey,
        ["Connectors:population-db:MaTichHop"] = PopulationMaTichHop,
        ["Connectors:population-db:RetryDelay"] = "00:00:00.020",
        ["Connectors:population-db:Timeout"] = "00:00:02",
        ["Connectors:exchange:BaseUrl"] = "http://127.0.0.1:9/",
        ["Connectors:exchange:ApiKey"] = ExchangeApiKey,
        ["Connectors:exchange:Resilience:RetryBaseDelay"] = "00:00:00.050",
        ["Connectors:exchange:Resilience:RetryMaxDelay"] = "00:00:00.500",
        ["Connectors:idesk:BaseUrl"] = "http://127.0.0.1:9/",
        ["Connectors:idesk:ApiKey"] = IDeskApiKey,
        ["Connectors:idesk:Resilience:RetryBaseDelay"] = "00:00:00.050",
        ["Connectors:idesk:Resilience:RetryMaxDelay"] = "00:00:00.500",
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
