using IntegrationHub.Connectors.PaymentPlatform;
using IntegrationHub.Connectors.PaymentPlatform.Payments;
using IntegrationHub.Connectors.Tests.IGate;
using IntegrationHub.Contracts;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace IntegrationHub.Connectors.Tests.PaymentPlatform;

public sealed class PaymentOptionsTests
{
    private static async Task<CheckResult> CheckAsync(PaymentPlatformOptions options)
    {
        using var http = new HttpClient();
        using var connector = new PaymentPlatformConnector(options, http, TimeProvider.System, NullLogger<PaymentPlatformConnector>.Instance);
        return await connector.CheckAsync(CheckScope.Parameters, CancellationToken.None);
    }

    private static PaymentPlatformOptions Valid() => new() { BaseUrl = "https://thanhtoan.example.gov.vn/", MaDoiTac = "HUB-H56", SecretKey = "secret" };

    [Fact]
    public async Task Valid_options_pass_with_version_1_0_6_by_default()
    {
        var options = Valid();

        var result = await CheckAsync(options);

        Assert.True(result.Succeeded);
        Assert.Equal("1.0.6", options.PhienBan);
    }

    [Fact]
    public async Task Every_problem_is_listed_with_a_clear_message()
    {
        var result = await CheckAsync(new PaymentPlatformOptions { BaseUrl = " ", MaDoiTac = "", SecretKey = "", PhienBan = "" });

        Assert.Equal(
            ["BaseUrl is required.", "MaDoiTac is required.", "SecretKey is required.", "PhienBan is required (the platform speaks 1.0.6)."],
            result.Problems);
    }

    [Theory]
    [InlineData("thanhtoan.example.gov.vn")]
    [InlineData("ftp://thanhtoan.example.gov.vn/")]
    public async Task BaseUrl_must_be_absolute_http_or_https(string baseUrl)
    {
        var options = Valid();
        options.BaseUrl = baseUrl;

        var result = await CheckAsync(options);

        Assert.Equal([$"BaseUrl must be an absolute http or https URL, got '{baseUrl}'."], result.Problems);
    }

    [Fact]
    public async Task Calls_with_invalid_options_fail_as_config_without_a_request()
    {
        using var http = new HttpClient();
        using var connector = new PaymentPlatformConnector(new PaymentPlatformOptions(), http, TimeProvider.System, NullLogger<PaymentPlatformConnector>.Instance);

        var ex = await Assert.ThrowsAsync<ConnectorException>(() => connector.QueryAsync("X", CancellationToken.None));

        Assert.Equal((FailureKind.Config, "PAYMENT-CONFIG"), (ex.Failure.Kind, ex.Failure.Code));
    }

    [Fact]
    public void ToString_never_shows_the_secret()
    {
        var text = Valid().ToString() + new PaymentPlatformSandboxOptions { SecretKey = "secret" };

        Assert.DoesNotContain("secret", text, StringComparison.Ordinal);
        Assert.Contains("HUB-H56", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_sandbox_refuses_to_start_without_partner_and_secret()
    {
        await using var sandbox = new PaymentPlatformSandbox(new PaymentPlatformSandboxOptions { CallbackUrl = "not a url", AutoPayRatio = 2 }, TimeProvider.System);

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => sandbox.StartAsync(CancellationToken.None));

        Assert.Equal(
            "Sandboxes:payment-platform options are invalid: MaDoiTac is required. SecretKey is required. CallbackUrl must be an absolute http or https URL, got 'not a url'. AutoPayRatio must be between 0 and 1.",
            ex.Message);
    }

    [Fact]
    public void Spec_names_the_inbound_callbacks_stream()
    {
        using var http = new HttpClient();
        using var connector = new PaymentPlatformConnector(Valid(), http, TimeProvider.System, NullLogger<PaymentPlatformConnector>.Instance);

        var stream = Assert.Single(connector.Spec.Streams);

        Assert.Equal(("payment-platform", typeof(PaymentPlatformOptions)), (connector.Spec.Id, connector.Spec.OptionsType));
        Assert.Equal(("callbacks", StreamDirection.Inbound), (stream.Name, stream.Direction));
    }

    [Fact]
    public void AddPaymentPlatform_registers_connector_and_sandbox()
    {
        var hub = new RecordingHubBuilder();

        new PaymentPlatformModule().Register(hub);

        // With the payments feature: its recurring tasks keep the names existing Quartz jobs are keyed by.
        Assert.Equal(
            [
                ("connector", "payment-platform", typeof(PaymentPlatformConnector), typeof(PaymentPlatformOptions)),
                ("sandbox", "payment-platform", typeof(PaymentPlatformSandbox), typeof(PaymentPlatformSandboxOptions)),
                ("task", "payments:query", typeof(PaymentQueryTask), typeof(void)),
                ("task", "payments:reconcile", typeof(ReconciliationTask), typeof(void)),
                ("endpoints", string.Empty, typeof(void), typeof(void)),
                ("page", string.Empty, typeof(ReconciliationsPage), typeof(void)),
            ],
            hub.Registrations);
    }
}
