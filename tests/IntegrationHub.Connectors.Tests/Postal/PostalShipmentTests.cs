using System.Text.Json;
using IntegrationHub.Connectors.Postal;
using IntegrationHub.Connectors.TestKit;
using IntegrationHub.Contracts;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace IntegrationHub.Connectors.Tests.Postal;

public sealed class PostalShipmentTests
{
    private const string MaHoSo = "H56.01-260301-0007";
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Every_version_of_a_dossier_by_post_gets_its_one_shipment_and_the_tracking_number_as_reference()
    {
        await using var rig = await AcceptanceRig.StartAsync(PostalAcceptanceTests.PostalProfile);
        var connector = (IDestinationConnector)rig.Connector();

        var first = Assert.Single(await connector.WriteAsync(PostalConnector.ShipmentsStream, [new(1, "igate:v1", MaHoSo, MaHoSo, PostalDossiers.ByPost(MaHoSo), 1)], None));
        var later = Assert.Single(await connector.WriteAsync(PostalConnector.ShipmentsStream, [new(2, "igate:v2", MaHoSo, MaHoSo, PostalDossiers.ByPost(MaHoSo), 1)], None));

        Assert.True(first.Delivered && later.Delivered);
        Assert.Matches("^EB[0-9]{9}VN$", first.Reference);
        Assert.Equal(first.Reference, later.Reference);
        Assert.Equal("ACCEPTED", ((PostalSandbox)rig.Sandbox).StatusOf(first.Reference!));
        Assert.Equal(1, rig.Controls.Writes.Stats(PostalConnector.ShipmentsStream).Applied);
    }

    [Fact]
    public async Task A_dossier_whose_result_is_taken_at_the_desk_is_skipped_with_its_reason_and_nothing_is_sent()
    {
        await using var rig = await AcceptanceRig.StartAsync(PostalAcceptanceTests.PostalProfile);

        var outcome = Assert.Single(await ((IDestinationConnector)rig.Connector()).WriteAsync(
            PostalConnector.ShipmentsStream, [new(1, "k1", MaHoSo, MaHoSo, PostalDossiers.AtTheDesk(MaHoSo), 1)], None));

        Assert.Null(outcome.Failure);
        Assert.Contains("takes the result as 'TrucTiep', not by post", outcome.SkipReason, StringComparison.Ordinal);
        Assert.Equal(0, rig.Controls.Writes.Stats(PostalConnector.ShipmentsStream).Received);
    }

    [Fact]
    public async Task Shipments_move_on_with_the_sandbox_clock_and_the_tracking_feed_carries_every_step()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 2, 0, 0, TimeSpan.Zero));
        await using var sandbox = new PostalSandbox(new PostalSandboxOptions { ApiKey = "k", ReturnPercent = 0, AdvanceEvery = TimeSpan.FromMinutes(10) }, clock);
        var address = await sandbox.StartAsync(None);
        var tracking = sandbox.Accept(MaHoSo);
        clock.Advance(TimeSpan.FromMinutes(40));

        using var http = new HttpClient();
        using var connector = new PostalConnector(new PostalOptions { BaseUrl = address.ToString(), ApiKey = "k" }, http, NullLogger<PostalConnector>.Instance);
        var records = await connector.ReadAsync(PostalConnector.TrackingStream, null, None).OfType<SourceRecord>().ToListAsync();

        Assert.Equal(["ACCEPTED", "IN_TRANSIT", "OUT_FOR_DELIVERY", "DELIVERED"], records.Select(r => JsonDocument.Parse(r.Payload).RootElement.GetProperty("status").GetString()));
        Assert.All(records, r => Assert.Equal((MaHoSo, tracking), (r.BusinessKey, JsonDocument.Parse(r.Payload).RootElement.GetProperty("trackingNumber").GetString())));
        Assert.Equal("DELIVERED", sandbox.StatusOf(tracking));
    }
}
