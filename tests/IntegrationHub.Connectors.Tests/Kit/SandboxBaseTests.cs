using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using IntegrationHub.Connectors.Sandboxing;
using IntegrationHub.Connectors.Example;
using IntegrationHub.Connectors.Example.Sandbox;
using IntegrationHub.Contracts;
using Xunit;

namespace IntegrationHub.Connectors.Tests.Kit;

/// <summary>What <see cref="SandboxBase{TOptions}"/> gives a sandbox: options checked at start, faults outside
/// <c>/sandbox</c>, and <c>GET /sandbox/stats</c> with, per stream, the writes received and the keys applied.</summary>
public sealed class SandboxBaseTests
{
    [Fact]
    public async Task The_same_batch_written_twice_is_applied_once_and_stats_say_so_per_stream()
    {
        await using var rig = await ExampleRig.StartAsync();
        var batch = new[] { ExampleRig.Entry(1), ExampleRig.Entry(2), ExampleRig.Entry(3) };

        await rig.Connector().WriteAsync(ExampleConnector.EntriesStream, batch, CancellationToken.None);
        await rig.Connector().WriteAsync(ExampleConnector.EntriesStream, batch, CancellationToken.None);
        var stats = await rig.Http.GetFromJsonAsync<JsonObject>(new Uri(rig.BaseAddress, "sandbox/stats"));

        var entries = stats!["streams"]![ExampleConnector.EntriesStream]!;
        Assert.Equal((6, 3, 3, 3, 0), ((int)entries["received"]!, (int)entries["applied"]!, (int)entries["keysApplied"]!, (int)entries["repeated"]!, (int)entries["refused"]!));
        Assert.Equal(3, (int)stats["entries"]!);
        Assert.Empty(stats["faults"]!.AsObject());
    }

    [Fact]
    public async Task Faults_hit_the_counterpartys_api_but_never_the_control_surface()
    {
        await using var rig = await ExampleRig.StartAsync(o =>
        {
            o.Faults.FailureRate = 1;
            o.Faults.TooManyRequestsWeight = 0;
            o.Faults.TimeoutWeight = 0;
        });

        var ex = await Assert.ThrowsAsync<ConnectorException>(() => ExampleRig.ReadAllAsync(rig.Connector()));
        var stats = await rig.Http.GetFromJsonAsync<JsonObject>(new Uri(rig.BaseAddress, "sandbox/stats"));
        using var off = await rig.Http.PutAsJsonAsync(new Uri(rig.BaseAddress, "sandbox/faults"), new { failureRate = 0.0 });
        var after = await ExampleRig.ReadAllAsync(rig.Connector());

        Assert.Equal((FailureKind.Transient, "EXAMPLE-HTTP-500"), (ex.Failure.Kind, ex.Failure.Code));
        Assert.Equal(1, (int)stats!["faults"]!["ServerError"]!);
        Assert.Equal(HttpStatusCode.OK, off.StatusCode);
        Assert.Empty(after);
    }

    [Fact]
    public async Task Invalid_options_fail_the_start_listing_every_problem()
    {
        await using var sandbox = new ExampleSandbox(new ExampleSandboxOptions { Port = 70_000, ApiKey = " " });

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => sandbox.StartAsync(CancellationToken.None));

        Assert.Equal("Sandboxes:example options are invalid: ApiKey is required. Port must be between 0 and 65535.", ex.Message);
        Assert.Null(sandbox.BaseAddress);
    }

    [Fact]
    public async Task A_started_sandbox_cannot_be_started_again()
    {
        await using var rig = await ExampleRig.StartAsync();

        await Assert.ThrowsAsync<InvalidOperationException>(() => rig.Sandbox.StartAsync(CancellationToken.None));
    }

    [Fact]
    public void The_idempotency_book_remembers_only_applied_keys()
    {
        var book = new SandboxIdempotencyBook();

        var refused = book.Write("s", "k1", () => SandboxWriteOutcome.Refused);
        var applied = book.Write("s", "k1", () => SandboxWriteOutcome.Applied);
        var repeated = book.Write("s", "k1", () => throw new InvalidOperationException("a repeat is not applied again"));
        var unkeyed = book.Write("s", null, () => SandboxWriteOutcome.Applied);

        Assert.Equal([SandboxWriteOutcome.Refused, SandboxWriteOutcome.Applied, SandboxWriteOutcome.Repeated, SandboxWriteOutcome.Applied], [refused, applied, repeated, unkeyed]);
        Assert.Equal(new SandboxStreamStats(4, 2, 1, 1, 1), book.Stats("s"));
        Assert.Equal(new SandboxStreamStats(0, 0, 0, 0, 0), book.Stats("other"));
    }
}
