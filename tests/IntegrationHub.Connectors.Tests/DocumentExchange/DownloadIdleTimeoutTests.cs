using IntegrationHub.Connectors.DocumentExchange;
using IntegrationHub.Connectors.IDesk;
using IntegrationHub.Connectors.TestKit;
using IntegrationHub.Contracts;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace IntegrationHub.Connectors.Tests.DocumentExchange;

/// <summary>A document body that stalls mid-way used to hang the read for ever (the resilience pipeline's timeouts end
/// at the response headers and HttpClient.Timeout is infinite in the host), holding the flow lock: now, after
/// DownloadIdleTimeout without data, it is a transient failure and the partial attachments are discarded.</summary>
public sealed class DownloadIdleTimeoutTests
{
    private static readonly TimeSpan IdleTimeout = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task A_received_document_whose_body_stalls_mid_way_is_a_transient_failure_after_the_idle_timeout()
    {
        await using var server = await StallingServer.StartAsync(await PartialBodyAsync());
        using var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        using var store = new FileAttachmentStore();
        var connector = new ExchangeConnector(
            new ExchangeOptions { BaseUrl = server.Address.ToString(), ApiKey = "k", OrganId = ExchangeTestRig.OrganId, DownloadIdleTimeout = IdleTimeout },
            http, store, TimeProvider.System, NullLogger<ExchangeConnector>.Instance);

        var error = await Assert.ThrowsAsync<ConnectorException>(() => ExchangeTestRig.ReadAllAsync(connector, ExchangeConnector.ReceivedStream).WaitAsync(Bound));

        Assert.True(server.BodyStarted.Task.IsCompleted, "the failure came after the body had started");
        Assert.Equal((FailureKind.Transient, "EXCHANGE-NETWORK"), (error.Failure.Kind, error.Failure.Code));
        Assert.Contains("DownloadIdleTimeout", error.Failure.Message, StringComparison.Ordinal);
        Assert.Equal((0, 0, 1), (store.Completed, store.Pending, store.Discarded));
    }

    [Fact]
    public async Task An_outgoing_idesk_document_whose_body_stalls_mid_way_is_a_transient_failure_after_the_idle_timeout()
    {
        await using var server = await StallingServer.StartAsync(await PartialBodyAsync());
        using var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        using var store = new FileAttachmentStore();
        var connector = new IDeskConnector(
            new IDeskOptions { BaseUrl = server.Address.ToString(), ApiKey = "k", DownloadIdleTimeout = IdleTimeout },
            http, store, TimeProvider.System, NullLogger<IDeskConnector>.Instance);

        var error = await Assert.ThrowsAsync<ConnectorException>(() => ExchangeTestRig.ReadAllAsync(connector, IDeskConnector.OutgoingStream).WaitAsync(Bound));

        Assert.True(server.BodyStarted.Task.IsCompleted, "the failure came after the body had started");
        Assert.Equal((FailureKind.Transient, "IDESK-NETWORK"), (error.Failure.Kind, error.Failure.Code));
        Assert.Equal((0, 0, 1), (store.Completed, store.Pending, store.Discarded));
    }

    [Fact]
    public async Task A_download_idle_timeout_outside_one_second_to_one_hour_is_refused_with_its_message()
    {
        using var http = new HttpClient();
        using var store = new FileAttachmentStore();
        var exchange = new ExchangeConnector(
            new ExchangeOptions { BaseUrl = "http://127.0.0.1:1/", ApiKey = "k", OrganId = ExchangeTestRig.OrganId, DownloadIdleTimeout = TimeSpan.Zero },
            http, store, TimeProvider.System, NullLogger<ExchangeConnector>.Instance);
        var idesk = new IDeskConnector(
            new IDeskOptions { BaseUrl = "http://127.0.0.1:1/", ApiKey = "k", DownloadIdleTimeout = TimeSpan.FromHours(2) },
            http, store, TimeProvider.System, NullLogger<IDeskConnector>.Instance);

        var problems = new[] { await exchange.CheckAsync(CheckScope.Parameters, default), await idesk.CheckAsync(CheckScope.Parameters, default) };

        Assert.All(problems, p => Assert.Equal(["DownloadIdleTimeout must be between 00:00:01 and 01:00:00."], p.Problems));
    }

    /// <summary>A valid envelope cut in the middle of its attachment.</summary>
    private static async Task<string> PartialBodyAsync()
    {
        var xml = await EdXmlSamples.XmlAsync(1);
        return xml[..(xml.IndexOf("<Attachment ", StringComparison.Ordinal) + 50_000)];
    }
}
