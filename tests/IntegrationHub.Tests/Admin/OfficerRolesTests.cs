using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IntegrationHub.Connectors.PopulationDb.Citizens;
using IntegrationHub.Host;
using IntegrationHub.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Xunit;

namespace IntegrationHub.Tests.Admin;

/// <summary>Officers' own logins over real HTTP: every officer reads, only an operator acts, only an auditor sees a
/// personal id, each sees only the buttons of their role, and what each one does is recorded under their own name.</summary>
[Collection(PostgresCollection.Name)]
public sealed class OfficerRolesTests(PostgresCluster cluster)
{
    private const string PersonalId = "001089012345";

    [Fact]
    public async Task A_viewer_reads_everything_but_every_action_and_reveal_is_refused_with_role_required_and_nothing_is_recorded()
    {
        var database = await cluster.CreateDatabaseAsync();
        await using var hub = await TestHub.StartAsync(TestOfficers.AddTo(TestHub.BaseSettings(database)));
        await DeadLetterSeed.AddAsync(hub, "procedures", "igate:procedures", [("TTHC-1", "no such procedure")]);
        var lookup = await SeedLookupAsync(hub);
        using var viewer = TestOfficers.Client(hub.BaseAddress, TestOfficers.Viewer);

        foreach (var path in new[] { "api/flows", "api/dead-letters?flow=procedures", "api/messages?businessKey=TTHC-1", "api/citizen-lookups", "hangfire", "hangfire/dead-letters", "hangfire/citizen-lookups", "api/dead-letters.csv",
                     "hangfire/dead-letters?to=9999-12-31", "hangfire/dead-letters?from=0001-01-01" })
        {
            Assert.True((await viewer.GetAsync(path)).StatusCode == HttpStatusCode.OK, path);
        }

        await AssertRoleRequiredAsync(await viewer.PostAsJsonAsync("api/dead-letters/replay", new { flow = "procedures", reason = "try again" }), "operator");
        await AssertRoleRequiredAsync(await viewer.PostAsJsonAsync("api/dead-letters/discard", new { flow = "procedures", reason = "not needed" }), "operator");
        await AssertRoleRequiredAsync(await viewer.PostAsJsonAsync("api/inbox/parked/replay", new { all = true, reason = "try again" }), "operator");
        await AssertRoleRequiredAsync(await viewer.PostAsync("api/flows/procedures/run", null), "operator");
        await AssertRoleRequiredAsync(await viewer.PostAsJsonAsync($"api/citizen-lookups/{lookup}/reveal", new { reason = "checking the applicant's identity" }), "auditor");
        // The dashboard's own forms and Hangfire's buttons, refused before their antiforgery check even looks.
        await AssertRoleRequiredAsync(await viewer.PostAsync("hangfire/dead-letters/act", Form(("flow", "procedures"), ("action", "replay"), ("reason", "try again"))), "operator");
        await AssertRoleRequiredAsync(await viewer.PostAsync("hangfire/jobs/failed/delete", Form(("jobs[]", "1"))), "operator");
        await AssertRoleRequiredAsync(await viewer.PostAsync("hangfire/citizen-lookups/reveal", Form(("lookupId", $"{lookup}"), ("reason", "checking the applicant"))), "auditor");

        // An operator acts but does not see ids; an auditor sees ids but does not act.
        using var @operator = TestOfficers.Client(hub.BaseAddress, TestOfficers.Operator);
        await AssertRoleRequiredAsync(await @operator.PostAsJsonAsync($"api/citizen-lookups/{lookup}/reveal", new { reason = "checking the applicant's identity" }), "auditor");
        // Nor by a path Hangfire matches to the reveal all the same (a trailing '/', a final newline).
        foreach (var path in new[] { "hangfire/citizen-lookups/reveal/", "hangfire/citizen-lookups/reveal%0A", "hangfire/Citizen-Lookups/Reveal/" })
        {
            await AssertRoleRequiredAsync(await @operator.PostAsync(path, Form(("lookupId", $"{lookup}"), ("reason", "checking the applicant"))), "auditor");
        }

        using var auditor = TestOfficers.Client(hub.BaseAddress, TestOfficers.Auditor);
        await AssertRoleRequiredAsync(await auditor.PostAsJsonAsync("api/dead-letters/replay", new { flow = "procedures", reason = "try again" }), "operator");

        // Hangfire's pages poll their statistics by POST: reading, open to every officer.
        // (with the antiforgery header its script takes from the page, as a browser sends it).
        var home = await viewer.GetStringAsync("hangfire");
        string Meta(string name) => System.Text.RegularExpressions.Regex.Match(home, $"<meta name=\"{name}\" content=\"([^\"]*)\"").Groups[1].Value;
        using var statsRequest = new HttpRequestMessage(HttpMethod.Post, "hangfire/stats") { Content = Form(("metrics[]", "enqueued:count")) };
        statsRequest.Headers.Add(Meta("csrf-header"), Meta("csrf-token"));
        var stats = await viewer.SendAsync(statsRequest);
        Assert.True(stats.StatusCode == HttpStatusCode.OK, $"{(int)stats.StatusCode} {stats.Content.Headers.ContentType} {await stats.Content.ReadAsStringAsync()}");
        Assert.Equal("application/json", stats.Content.Headers.ContentType?.MediaType);

        // Each one's pages offer only the buttons their role may use.
        foreach (var (officer, replays, reveals) in new[] { (viewer, false, false), (@operator, true, false), (auditor, false, true) })
        {
            var deadLetters = await officer.GetStringAsync("hangfire/dead-letters?flow=procedures");
            Assert.Equal(replays, deadLetters.Contains("id=\"replay\"", StringComparison.Ordinal));
            Assert.Equal(!replays, deadLetters.Contains("id=\"role-needed\"", StringComparison.Ordinal));
            Assert.Equal(replays, (await officer.GetStringAsync("hangfire/inbox-parked")).Contains("id=\"discard\"", StringComparison.Ordinal));
            Assert.Equal(reveals, (await officer.GetStringAsync("hangfire/citizen-lookups")).Contains("class=\"reveal\"", StringComparison.Ordinal));
        }

        Assert.Equal(0L, await ScalarAsync(database, "select count(*) from hub.operator_actions"));
        Assert.Equal(0L, await ScalarAsync(database, "select count(*) from hub.citizen_lookup_reveals"));
        Assert.Equal(0L, await ScalarAsync(database, "select count(*) from hub.flow_runs where trigger like 'admin%'"));
        Assert.Equal(1L, await ScalarAsync(database, "select count(*) from hub.deliveries where status = 'dead'"));
    }

    [Fact]
    public async Task An_operator_replays_and_runs_under_their_own_name_and_an_auditor_reveal_names_the_auditor()
    {
        var database = await cluster.CreateDatabaseAsync();
        await using var hub = await TestHub.StartAsync(TestOfficers.AddTo(TestHub.BaseSettings(database)));
        await DeadLetterSeed.AddAsync(hub, "procedures", "igate:procedures", [("TTHC-7", "no such procedure")]);
        var lookup = await SeedLookupAsync(hub);
        using var @operator = TestOfficers.Client(hub.BaseAddress, TestOfficers.Operator);
        const string expectedOperator = $"{TestOfficers.OperatorName} ({TestOfficers.Operator})";

        var replay = await @operator.PostAsJsonAsync("api/dead-letters/replay", new { businessKey = "TTHC-7", reason = "procedure published again" });
        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        Assert.Equal(expectedOperator, (await replay.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("operator").GetString());
        var history = await @operator.GetFromJsonAsync<JsonElement>("api/messages?businessKey=TTHC-7");
        var replayed = history.GetProperty("messages")[0].GetProperty("steps").EnumerateArray().Single(s => s.GetProperty("event").GetString() == "replayed");
        Assert.Equal(expectedOperator, replayed.GetProperty("operator").GetString());
        Assert.Equal(expectedOperator, await ScalarTextAsync(database, "select operator from hub.operator_actions"));

        Assert.Equal(HttpStatusCode.Accepted, (await @operator.PostAsync("api/flows/procedures/run", null)).StatusCode);
        await Eventually.ReturnsAsync(() => ScalarTextAsync(database, "select coalesce(max(trigger), '') from hub.flow_runs where trigger like 'admin%'"),
            trigger => trigger.Length > 0, TimeSpan.FromSeconds(30), "the run started");
        Assert.Equal($"admin:{expectedOperator}", await ScalarTextAsync(database, "select trigger from hub.flow_runs where trigger like 'admin%'"));

        using var auditor = TestOfficers.Client(hub.BaseAddress, TestOfficers.Auditor);
        var reveal = await auditor.PostAsJsonAsync($"api/citizen-lookups/{lookup}/reveal", new { reason = "the applicant disputes the mismatch" });
        Assert.Equal(HttpStatusCode.OK, reveal.StatusCode);
        var revealed = await reveal.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(PersonalId, revealed.GetProperty("personalId").GetString());
        Assert.Equal($"admin:{TestOfficers.AuditorName} ({TestOfficers.Auditor})", revealed.GetProperty("revealedBy").GetString());
        var audit = await auditor.GetFromJsonAsync<JsonElement>($"api/citizen-lookups/{lookup}/reveals");
        Assert.Equal($"admin:{TestOfficers.AuditorName} ({TestOfficers.Auditor})", audit[0].GetProperty("revealedBy").GetString());

        // The login of earlier versions still has every role, under its plain name.
        using var admin = TestHub.AdminClient(hub);
        var byAdmin = await admin.PostAsJsonAsync($"api/citizen-lookups/{lookup}/reveal", new { reason = "second look by the administrator" });
        Assert.Equal($"admin:{TestHub.AdminUser}", (await byAdmin.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("revealedBy").GetString());
    }

    internal static async Task AssertRoleRequiredAsync(HttpResponseMessage response, string role)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal("role_required", problem.GetProperty("code").GetString());
        Assert.Equal(role, problem.GetProperty("role").GetString());
        Assert.Contains($"'{role}'", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    private static FormUrlEncodedContent Form(params (string Name, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));

    private static Task<long> SeedLookupAsync(HubHost hub) =>
        hub.Services.GetRequiredService<CitizenLookupStore>().AddAsync(new CitizenLookupEntry(DateTimeOffset.UtcNow, "flow:citizen-checks", "citizen-checks", null, "HS-ROLES-1",
            PersonalId, "hash", "mismatch", ["HoVaTen"], null, 12, """{"MaHoSo":"HS-ROLES-1"}"""), CancellationToken.None);

    private static async Task<long> ScalarAsync(string database, string sql) => Convert.ToInt64(await ScalarObjectAsync(database, sql), System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<string> ScalarTextAsync(string database, string sql) => (string)(await ScalarObjectAsync(database, sql))!;

    private static async Task<object?> ScalarObjectAsync(string database, string sql)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }
}
