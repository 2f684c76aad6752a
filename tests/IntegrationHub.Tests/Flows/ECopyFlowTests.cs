using System.Text.Json;
using IntegrationHub.Connectors.ECopy;
using IntegrationHub.Connectors.IGate;
using IntegrationHub.Contracts.Privacy;
using IntegrationHub.Tests.Infrastructure;

namespace IntegrationHub.Tests.Flows;

/// <summary>Certified e-copies reach iGate through the hub, their files through its PostgreSQL attachment store.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ECopyFlowTests(PostgresCluster cluster)
{
    [Fact]
    public async Task A_certified_copy_reaches_igate_with_its_file_and_its_personal_id_is_masked_in_the_messages_api()
    {
        await using var eCopy = new ECopySandbox(new ECopySandboxOptions { ApiKey = "e-copy-test-key" });
        await using var igate = new IGateSandbox(new IGateSandboxOptions { ApiKey = "igate-test-key" });
        var settings = TestHub.BaseSettings(await cluster.CreateDatabaseAsync());
        settings.Wire(eCopy, await eCopy.StartAsync(CancellationToken.None));
        settings.Wire(igate, await igate.StartAsync(CancellationToken.None));
        var certificate = eCopy.Certify(fileSize: 2_000_000);
        await using var hub = await TestHub.StartAsync(settings);
        using var client = TestHub.AdminClient(hub);

        await FlowRuns.RunAsync(client, "e-copies");

        var copy = await Eventually.ReturnsAsync(() => Task.FromResult(igate.ECopy(certificate.SoChungThuc)), c => c is not null, TimeSpan.FromSeconds(60), "the copy at iGate");
        Assert.Equal((certificate.Tep.KichThuoc, certificate.Tep.Sha256, certificate.SoDinhDanh), (copy!.KichThuoc, copy.Sha256, copy.SoDinhDanh));
        var messages = await client.GetStringAsync($"api/messages?businessKey={certificate.SoChungThuc}");
        var message = Assert.Single(JsonDocument.Parse(messages).RootElement.GetProperty("messages").EnumerateArray());
        Assert.Equal(PersonalDataMask.MaskId(certificate.SoDinhDanh), message.GetProperty("payload").GetProperty("soDinhDanh").GetString());
        Assert.DoesNotContain(certificate.SoDinhDanh, messages, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_copy_whose_file_does_not_match_its_certificate_is_a_dead_letter_and_the_next_copy_still_reaches_igate()
    {
        await using var eCopy = new ECopySandbox(new ECopySandboxOptions { ApiKey = "e-copy-test-key" });
        await using var igate = new IGateSandbox(new IGateSandboxOptions { ApiKey = "igate-test-key" });
        var settings = TestHub.BaseSettings(await cluster.CreateDatabaseAsync());
        settings.Wire(eCopy, await eCopy.StartAsync(CancellationToken.None));
        settings.Wire(igate, await igate.StartAsync(CancellationToken.None));
        var bad = eCopy.Certify();
        eCopy.File(bad.SoChungThuc)![100] ^= 0xFF;
        var good = eCopy.Certify();
        await using var hub = await TestHub.StartAsync(settings);
        using var client = TestHub.AdminClient(hub);

        await FlowRuns.RunAsync(client, "e-copies");

        await Eventually.ReturnsAsync(() => Task.FromResult(igate.ECopy(good.SoChungThuc)), c => c is not null, TimeSpan.FromSeconds(60), "the good copy at iGate");
        Assert.Null(igate.ECopy(bad.SoChungThuc));
        var deadLetters = await client.GetStringAsync("api/dead-letters?flow=e-copies");
        var dead = Assert.Single(JsonDocument.Parse(deadLetters).RootElement.GetProperty("items").EnumerateArray());
        Assert.Equal(bad.SoChungThuc, dead.GetProperty("businessKey").GetString());
        Assert.Contains("ECOPY-FILE-MISMATCH", dead.GetProperty("error").GetString(), StringComparison.Ordinal);
    }
}
