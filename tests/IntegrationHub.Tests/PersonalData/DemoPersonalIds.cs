using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using IntegrationHub.Connectors.PopulationDb;
using IntegrationHub.Connectors.Sandboxing;

namespace IntegrationHub.Tests.PersonalData;

/// <summary>The personal ids a running development demo's sandboxes generated, asked of the sandboxes over HTTP where
/// they list them (iGate's dossier change feed, the e-copy platform's certifications), and the population database's
/// citizens, which it answers only one by one over SOAP: regenerated from its options in the checkout's configuration
/// (the iGate applicants found among them prove it is the same generation).</summary>
internal static partial class DemoPersonalIds
{
    /// <param name="demoOutput">The demo's log, which names where each sandbox listens.</param>
    public static async Task<DemoIds> ReadAsync(string demoOutput, string repositoryRoot)
    {
        var sandboxes = SandboxAddresses().Matches(demoOutput).ToDictionary(m => m.Groups["id"].Value, m => new Uri(m.Groups["url"].Value), StringComparer.Ordinal);
        var configuration = new ConfigurationBuilder().SetBasePath(Path.Combine(repositoryRoot, "config", "connectors"))
            .AddJsonFile("igate.json").AddJsonFile("e-copy.json").AddJsonFile("population-db.json").Build();
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };

        var applicants = new HashSet<string>(StringComparer.Ordinal);
        string? since = null;
        string? afterId = null;
        while (true)
        {
            var query = "api/v1/dossiers/changes?limit=500" + (since is null ? string.Empty : $"&since={Uri.EscapeDataString(since)}&afterId={Uri.EscapeDataString(afterId!)}");
            var page = await GetAsync(client, new Uri(sandboxes["igate"], query), configuration["Sandboxes:igate:ApiKey"]!);
            foreach (var dossier in page.GetProperty("items").EnumerateArray())
            {
                if (dossier.GetProperty("soDinhDanh").GetString() is { Length: > 0 } id)
                {
                    applicants.Add(id);
                }

                since = dossier.GetProperty("updatedAt").GetString();
                afterId = dossier.GetProperty("maHoSo").GetString();
            }

            if (!page.GetProperty("hasMore").GetBoolean())
            {
                break;
            }
        }

        var certified = new HashSet<string>(StringComparer.Ordinal);
        for (long after = 0; ;)
        {
            var page = await GetAsync(client, new Uri(sandboxes["e-copy"], $"api/v1/certifications?after={after}&limit=200"), configuration["Sandboxes:e-copy:ApiKey"]!);
            foreach (var certificate in page.GetProperty("items").EnumerateArray())
            {
                certified.Add(certificate.GetProperty("soDinhDanh").GetString()!);
                after = certificate.GetProperty("seq").GetInt64();
            }

            if (!page.GetProperty("hasMore").GetBoolean())
            {
                break;
            }
        }

        var population = new PopulationDbSandboxOptions();
        configuration.GetSection("Sandboxes:population-db").Bind(population);
        var citizens = SandboxCitizenGenerator.Generate(population.CitizenCount, population.Seed, population.ProvinceCode).Select(c => c.SoDinhDanh).ToHashSet(StringComparer.Ordinal);
        return new DemoIds(applicants, certified, citizens);
    }

    private static async Task<JsonElement> GetAsync(HttpClient client, Uri url, string apiKey)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("X-Api-Key", apiKey);
        using var response = await client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [GeneratedRegex(@"Sandbox of (?<id>\S+) listening on (?<url>http://\S+)")]
    private static partial Regex SandboxAddresses();
}
