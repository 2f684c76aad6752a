using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IntegrationHub.Connectors.Sandboxing;
using IntegrationHub.Tests.Infrastructure;
using Npgsql;
using Xunit;

namespace IntegrationHub.Tests.Flows;

/// <summary>The procedures flow end to end: national sandbox → hub (real PostgreSQL, Hangfire, Quartz) → iGate sandbox, over real HTTP.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ProceduresFlowTests(PostgresCluster cluster)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task A_run_delivers_every_procedure_exactly_once_and_an_unchanged_catalogue_is_not_sent_again()
    {
        await using var sandboxes = await SandboxPair.StartAsync(procedures: 2000);
        var settings = TestHub.BaseSettings(await cluster.CreateDatabaseAsync());
        sandboxes.ApplyTo(settings);
        await using var hub = await TestHub.StartAsync(settings);
        using var client = TestHub.AdminClient(hub);

        var run = await client.PostAsync("api/flows/procedures/run", null);
        Assert.Equal(HttpStatusCode.Accepted, run.StatusCode);
        var jobId = (await run.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("jobId").GetString();
        Assert.False(string.IsNullOrEmpty(jobId));

        await WaitForDeliveredAsync(client, 2000);
        var stats = sandboxes.IGate.Stats();
        Assert.Equal(2000, stats.DistinctProcedures);
        Assert.Equal(1, stats.MaxWritesPerCode);
        Assert.Equal(0, stats.DuplicatesIgnored);
        Assert.Equal(2000, stats.ItemsReceived);
        Assert.Equal(sandboxes.National.ProcedureCodes.Order(StringComparer.Ordinal), sandboxes.IGate.WriteCounts().Keys.Order(StringComparer.Ordinal));

        // Deliveries go while the run reads on: the last one can land before the run records its end.
        var flow = await Eventually.ReturnsAsync(() => GetFlowAsync(client),
            f => f.GetProperty("lastRun").GetProperty("status").GetString() != "running", Patience, "the first run to end");
        Assert.Equal("national-portal:procedures", flow.GetProperty("source").GetString());
        Assert.Equal("igate:procedures", flow.GetProperty("destinations")[0].GetString());
        Assert.Equal("Asia/Ho_Chi_Minh", flow.GetProperty("schedule").GetProperty("timeZone").GetString());
        Assert.Equal("succeeded", flow.GetProperty("lastRun").GetProperty("status").GetString());
        Assert.Equal(jobId, flow.GetProperty("lastRun").GetProperty("jobId").GetString());
        Assert.Equal(2000, flow.GetProperty("counts").GetProperty("received").GetInt64());
        Assert.Equal(0, flow.GetProperty("counts").GetProperty("deadLettered").GetInt64());

        // The dashboard lists the run among succeeded jobs.
        var succeeded = await client.GetStringAsync("hangfire/jobs/succeeded");
        Assert.Contains($"Flow procedures: read source (admin:{TestHub.AdminUser})", succeeded, StringComparison.Ordinal);

        // A second pass over an unchanged catalogue creates no messages and writes nothing.
        var second = await client.PostAsync("api/flows/procedures/run", null);
        var secondJob = (await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("jobId").GetString();
        await Eventually.ReturnsAsync(() => GetFlowAsync(client),
            f => f.GetProperty("lastRun").GetProperty("jobId").GetString() == secondJob && f.GetProperty("lastRun").GetProperty("status").GetString() == "succeeded",
            Patience, "the second run to finish");
        flow = await GetFlowAsync(client);
        Assert.Equal(2000, flow.GetProperty("lastRun").GetProperty("recordsRead").GetInt64());
        Assert.Equal(0, flow.GetProperty("lastRun").GetProperty("messagesCreated").GetInt64());
        Assert.Equal(2000, sandboxes.IGate.Stats().TotalAppliedWrites);
    }

    [Fact]
    public async Task With_thirty_percent_of_national_calls_and_a_tenth_of_igate_calls_failing_every_procedure_still_arrives_exactly_once()
    {
        var faults = new SandboxFaultOptions
        {
            FailureRate = 0.3,
            ServerErrorWeight = 2,
            TooManyRequestsWeight = 1,
            TimeoutWeight = 1,
            RetryAfterSeconds = 1,
            TimeoutDelay = TimeSpan.FromSeconds(10),
            Seed = 30,
        };
        var igateFaults = new SandboxFaultOptions { FailureRate = 0.1, ServerErrorWeight = 1, TooManyRequestsWeight = 1, TimeoutWeight = 1, RetryAfterSeconds = 1, TimeoutDelay = TimeSpan.FromSeconds(10), Seed = 10 };
        await using var sandboxes = await SandboxPair.StartAsync(procedures: 2000, nationalFaults: faults, igateFaults: igateFaults);
        var settings = TestHub.BaseSettings(await cluster.CreateDatabaseAsync());
        sandboxes.ApplyTo(settings);
        settings["Connectors:national-portal:Resilience:AttemptTimeout"] = "00:00:00.400";
        settings["Connectors:national-portal:Resilience:MaxRetryAttempts"] = "8";
        settings["Connectors:national-portal:MaxParallelDetails"] = "16";
        settings["Connectors:igate:Resilience:AttemptTimeout"] = "00:00:00.400";
        settings["Connectors:igate:Resilience:MaxRetryAttempts"] = "8";
        await using var hub = await TestHub.StartAsync(settings);
        using var client = TestHub.AdminClient(hub);

        Assert.Equal(HttpStatusCode.Accepted, (await client.PostAsync("api/flows/procedures/run", null)).StatusCode);
        await WaitForDeliveredAsync(client, 2000, TimeSpan.FromMinutes(4));

        var injected = sandboxes.National.Stats.Faults;
        Assert.True(injected.Values.Sum() > 300, $"expected hundreds of injected faults, got {JsonSerializer.Serialize(injected)}");
        Assert.Equal(3, injected.Count);
        Assert.True(sandboxes.IGate.FaultCounts().Values.Sum() > 0, "iGate calls failed too");
        var stats = sandboxes.IGate.Stats();
        Assert.Equal(2000, stats.DistinctProcedures);
        Assert.Equal(2000, stats.TotalAppliedWrites);
        Assert.Empty(stats.CodesWrittenMoreThanOnce);
    }

    [Fact]
    public async Task A_procedure_rejected_for_good_is_a_dead_letter_with_payload_and_error_and_the_others_are_delivered()
    {
        await using var sandboxes = await SandboxPair.StartAsync(procedures: 500);
        var rejected = sandboxes.National.ProcedureCodes.Skip(123).Take(2).ToArray();
        sandboxes.IGate.SetRejectCodes(rejected);
        var connectionString = await cluster.CreateDatabaseAsync();
        var settings = TestHub.BaseSettings(connectionString);
        sandboxes.ApplyTo(settings);
        await using var hub = await TestHub.StartAsync(settings);
        using var client = TestHub.AdminClient(hub);

        await client.PostAsync("api/flows/procedures/run", null);
        var flow = await Eventually.ReturnsAsync(() => GetFlowAsync(client),
            f => f.GetProperty("counts").GetProperty("delivered").GetInt64() == 498 && f.GetProperty("counts").GetProperty("deadLettered").GetInt64() == 2,
            Patience, "498 delivered and 2 dead letters");
        Assert.Equal(0, flow.GetProperty("counts").GetProperty("pending").GetInt64());
        Assert.Equal(498, sandboxes.IGate.Stats().DistinctProcedures);

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var query = new NpgsqlCommand(
            """
            select m.business_key, m.payload->>'MATTHC', d.last_error_code, d.last_error, d.attempts
            from hub.deliveries d join hub.messages m on m.id = d.message_id where d.status = 'dead' order by m.business_key
            """, connection);
        await using var reader = await query.ExecuteReaderAsync();
        var dead = new List<(string Key, string PayloadCode, string Code, string Error, int Attempts)>();
        while (await reader.ReadAsync())
        {
            dead.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetInt32(4)));
        }

        Assert.Equal(rejected.Order(StringComparer.Ordinal), dead.Select(d => d.Key));
        Assert.All(dead, d =>
        {
            Assert.Equal(d.Key, d.PayloadCode);
            Assert.Equal("IGATE-422", d.Code);
            Assert.False(string.IsNullOrWhiteSpace(d.Error));
            Assert.Equal(1, d.Attempts);
        });
    }

    [Fact]
    public async Task A_run_stopped_half_way_resumes_from_its_last_checkpoint_without_loss_or_duplicates()
    {
        // Latency makes the run long enough to stop it in the middle.
        var slow = new SandboxFaultOptions { Latency = TimeSpan.FromMilliseconds(25) };
        await using var sandboxes = await SandboxPair.StartAsync(procedures: 2000, nationalFaults: slow);
        var connectionString = await cluster.CreateDatabaseAsync();
        var settings = TestHub.BaseSettings(connectionString);
        sandboxes.ApplyTo(settings);
        settings["Connectors:national-portal:PageSize"] = "50";
        settings["Connectors:national-portal:MaxParallelDetails"] = "4";

        int stoppedAtPage;
        await using (var first = await TestHub.StartAsync(settings))
        {
            using var client = TestHub.AdminClient(first);
            await client.PostAsync("api/flows/procedures/run", null);
            await Eventually.ReturnsAsync(() => CheckpointPageAsync(connectionString), page => page >= 8, Patience, "the run to pass page 8");

            // Stopping the host cancels the running job: this is a cancellation half-way.
        }

        stoppedAtPage = await CheckpointPageAsync(connectionString);
        var lastRunStatus = await ScalarAsync<string>(connectionString, "select status from hub.flow_runs order by id desc limit 1");
        Assert.Equal("cancelled", lastRunStatus);
        Assert.InRange(stoppedAtPage, 8, 39);
        var pagesBefore = sandboxes.National.Stats.PagesRequested.Count;
        Assert.True(sandboxes.IGate.Stats().DistinctProcedures < 2000);

        sandboxes.NationalFaults.Latency = TimeSpan.Zero;
        await using (var second = await TestHub.StartAsync(settings))
        {
            using var client = TestHub.AdminClient(second);
            await client.PostAsync("api/flows/procedures/run", null);
            await WaitForDeliveredAsync(client, 2000);
        }

        var resumedPages = sandboxes.National.Stats.PagesRequested.Skip(pagesBefore).ToList();
        Assert.Equal(stoppedAtPage, resumedPages[0]);
        Assert.DoesNotContain(1, resumedPages);
        var stats = sandboxes.IGate.Stats();
        Assert.Equal(2000, stats.DistinctProcedures);
        Assert.Equal(2000, stats.TotalAppliedWrites);
        Assert.Equal(2000L, await ScalarAsync<long>(connectionString, "select count(*) from hub.messages"));
    }

    internal static async Task<JsonElement> GetFlowAsync(HttpClient client)
    {
        var flows = await client.GetFromJsonAsync<JsonElement>("api/flows");
        return flows.EnumerateArray().Single(f => f.GetProperty("id").GetString() == "procedures");
    }

    private static Task WaitForDeliveredAsync(HttpClient client, long count, TimeSpan? timeout = null) =>
        Eventually.ReturnsAsync(() => GetFlowAsync(client),
            f => f.GetProperty("counts").GetProperty("delivered").GetInt64() == count && f.GetProperty("counts").GetProperty("pending").GetInt64() == 0,
            timeout ?? Patience, $"{count} delivered messages");

    private static async Task<int> CheckpointPageAsync(string connectionString)
    {
        var state = await ScalarAsync<string?>(connectionString, "select state from hub.checkpoints where flow_id = 'procedures'");
        return state is null ? 0 : JsonDocument.Parse(state).RootElement.GetProperty("nextPage").GetInt32();
    }

    private static async Task<T> ScalarAsync<T>(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
