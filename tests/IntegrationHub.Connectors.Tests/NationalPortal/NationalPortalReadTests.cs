using System.Text.Json;
using IntegrationHub.Connectors.NationalPortal;
using IntegrationHub.Contracts;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace IntegrationHub.Connectors.Tests.NationalPortal;

public sealed class NationalPortalReadTests
{
    private static string[] Checkpoints(IEnumerable<SourceItem> items) =>
        [.. items.OfType<SourceCheckpoint>().Select(c => c.State)];

    [Fact]
    public async Task Full_read_yields_every_procedure_in_catalogue_order_with_a_checkpoint_per_page()
    {
        await using var bed = await NationalPortalTestBed.StartAsync();

        var items = await NationalPortalTestBed.ReadAllAsync(bed.Connector());

        var records = items.OfType<SourceRecord>().ToList();
        Assert.Equal(250, records.Select(r => r.Key).Distinct().Count());
        Assert.Equal(bed.Sandbox.ProcedureCodes, records.Select(r => r.Key));
        Assert.All(records, r => Assert.Equal(r.Key, r.BusinessKey));
        Assert.Equal(
            ["{\"nextPage\":2}", "{\"nextPage\":3}", "{\"nextPage\":4}", "{\"nextPage\":5}", "{\"nextPage\":6}", "{\"nextPage\":1}"],
            Checkpoints(items));
        Assert.Equal([1, 2, 3, 4, 5], bed.Sandbox.Stats.PagesRequested);
        Assert.Equal(250, bed.Sandbox.Stats.DetailCalls);
    }

    [Fact]
    public async Task Each_page_checkpoint_follows_exactly_that_page_records()
    {
        await using var bed = await NationalPortalTestBed.StartAsync();

        var items = await NationalPortalTestBed.ReadAllAsync(bed.Connector());

        // 50 records, then the checkpoint that makes them resumable; the host saves it only after them.
        for (var page = 0; page < 5; page++)
        {
            var block = items.Skip(page * 51).Take(51).ToList();
            Assert.All(block.Take(50), item => Assert.IsType<SourceRecord>(item));
            Assert.IsType<SourceCheckpoint>(block[50]);
        }
    }

    [Fact]
    public async Task Payload_is_the_full_procedure_from_LayThuTuc()
    {
        await using var bed = await NationalPortalTestBed.StartAsync(o => o.ProcedureCount = 3);

        var record = (await NationalPortalTestBed.ReadAllAsync(bed.Connector())).OfType<SourceRecord>().First();

        using var payload = JsonDocument.Parse(record.Payload);
        var root = payload.RootElement;
        Assert.Equal(record.Key, root.GetProperty("MATTHC").GetString());
        foreach (var field in new[] { "TENTTHC", "LINHVUCTHUCHIEN", "TRINHTUTHUCHIEN", "CACHTHUCTHUCHIEN", "THOIGIANGIAIQUYET", "PHILEPHI", "THANHPHANHOSO", "CANCUPHAPLY", "COQUANTHUCHIEN" })
        {
            Assert.True(root.TryGetProperty(field, out _), $"missing {field}");
        }

        Assert.Matches(@"^[A-Z]+$", root.GetProperty("LINHVUCTHUCHIEN")[0].GetProperty("MALINHVUC").GetString());
        Assert.Matches(@"^000\.00\.\d{2}\.H56$", root.GetProperty("COQUANTHUCHIEN")[0].GetProperty("MADONVI").GetString());
    }

    [Fact]
    public async Task Resume_from_page_4_reads_only_pages_4_and_5()
    {
        await using var bed = await NationalPortalTestBed.StartAsync();

        var items = await NationalPortalTestBed.ReadAllAsync(bed.Connector(), new SourceCheckpoint("{\"nextPage\":4}"));

        Assert.Equal([4, 5], bed.Sandbox.Stats.PagesRequested);
        Assert.Equal(bed.Sandbox.ProcedureCodes.Skip(150), items.OfType<SourceRecord>().Select(r => r.Key));
        Assert.Equal(["{\"nextPage\":5}", "{\"nextPage\":6}", "{\"nextPage\":1}"], Checkpoints(items));
    }

    [Fact]
    public async Task Resume_after_the_last_page_checkpoint_completes_the_pass_without_records()
    {
        await using var bed = await NationalPortalTestBed.StartAsync();

        var items = await NationalPortalTestBed.ReadAllAsync(bed.Connector(), new SourceCheckpoint("{\"nextPage\":6}"));

        Assert.Equal(["{\"nextPage\":1}"], Checkpoints(items));
        Assert.Empty(items.OfType<SourceRecord>());
    }

    [Fact]
    public async Task Partial_last_page_ends_the_pass()
    {
        await using var bed = await NationalPortalTestBed.StartAsync(o => o.ProcedureCount = 120);

        var items = await NationalPortalTestBed.ReadAllAsync(bed.Connector(o => o.MaxParallelDetails = 1));

        Assert.Equal(120, items.OfType<SourceRecord>().Count());
        Assert.Equal(["{\"nextPage\":2}", "{\"nextPage\":3}", "{\"nextPage\":4}", "{\"nextPage\":1}"], Checkpoints(items));
    }

    [Fact]
    public async Task Expired_session_is_renewed_once_and_the_call_retried()
    {
        var time = new FakeTimeProvider();
        await using var bed = await NationalPortalTestBed.StartAsync(o => o.ProcedureCount = 150, sandboxTime: time);
        var records = 0;

        await foreach (var item in bed.Connector().ReadAsync("procedures", null, CancellationToken.None))
        {
            records += item is SourceRecord ? 1 : 0;
            if (item is SourceCheckpoint { State: "{\"nextPage\":2}" })
            {
                time.Advance(TimeSpan.FromMinutes(31));
            }
        }

        Assert.Equal(150, records);
        Assert.Equal(2, bed.Sandbox.Stats.LoginCalls);
        Assert.Equal([1, 2, 3], bed.Sandbox.Stats.PagesRequested);
    }

    [Fact]
    public async Task Unknown_stream_is_a_config_failure()
    {
        await using var bed = await NationalPortalTestBed.StartAsync();

        var exception = await Assert.ThrowsAsync<ConnectorException>(async () =>
        {
            await foreach (var unused in bed.Connector().ReadAsync("dossiers", null, CancellationToken.None))
            {
            }
        });

        Assert.Equal(FailureKind.Config, exception.Failure.Kind);
        Assert.Equal("unknown-stream", exception.Failure.Code);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{\"nextPage\":0}")]
    [InlineData("{\"page\":3}")]
    public async Task Unreadable_checkpoint_is_a_config_failure(string state)
    {
        await using var bed = await NationalPortalTestBed.StartAsync();

        var exception = await Assert.ThrowsAsync<ConnectorException>(
            () => NationalPortalTestBed.ReadAllAsync(bed.Connector(), new SourceCheckpoint(state)));

        Assert.Equal(FailureKind.Config, exception.Failure.Kind);
        Assert.Equal(0, bed.Sandbox.Stats.LoginCalls);
    }
}
