using System.Text.Json;
using IntegrationHub.Connectors.Kit;
using IntegrationHub.Connectors.Sandboxing;
using IntegrationHub.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Xunit;

namespace IntegrationHub.Connectors.Tests.Kit;

/// <summary>The kit's HTTP client against a real server on 127.0.0.1: credentials (API key, Basic), JSON bodies, URLs,
/// and failures in the counterparty's codes.</summary>
public sealed class CounterpartyHttpClientTests : IAsyncLifetime
{
    private static readonly HttpAuth Basic = HttpAuth.Basic("hub", "mật khẩu");
    private readonly SandboxServer _server = new();
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };
    private Uri _address = null!;

    public async Task InitializeAsync() => _address = await _server.StartAsync(0, new SandboxFaultInjector(new SandboxFaultOptions()), app =>
    {
        var api = app.MapGroup("/root/api").AddEndpointFilter(new SandboxAuthFilter(Basic, () => Results.Json(new { code = "NO-ENTRY", message = "who?" }, statusCode: 401)));
        api.MapPost("/echo", async (HttpRequest request) => Results.Json(new Echo(
            request.ContentType,
            request.ContentLength,
            request.Headers.TransferEncoding.ToString(),
            await JsonSerializer.DeserializeAsync<JsonElement>(request.Body),
            request.QueryString.Value)));
        api.MapGet("/broken", () => Results.Text("{\"items\": [", "application/json"));
        api.MapGet("/slow", async (CancellationToken ct) => await Task.Delay(TimeSpan.FromSeconds(30), ct));
    }, CancellationToken.None);

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    private CounterpartyHttpClient Client(HttpAuth auth, string root = "root") =>
        new(_http, new CounterpartyEndpoint(new Uri(_address, root).ToString(), new HttpCounterparty("Probe", HttpFailureCodes.Prefixed("PROBE")))
        {
            Auth = auth,
            ReadError = body => JsonSerializer.Deserialize<JsonElement>(body).TryGetProperty("code", out var code) ? new CounterpartyError(code.GetString()!, null) : null,
        });

    [Fact]
    public async Task A_json_body_goes_whole_in_utf8_with_its_length_under_the_base_urls_own_path()
    {
        var echo = await Client(Basic).PostJsonAsync<Echo>("api/echo", new { hoVaTen = "Nguyễn Thị Ánh", soTien = 150_000 }, CancellationToken.None);

        Assert.Equal("application/json; charset=utf-8", echo.ContentType);
        Assert.True(echo.ContentLength > 0);
        Assert.Equal(string.Empty, echo.TransferEncoding);
        Assert.Equal("Nguyễn Thị Ánh", echo.Body.GetProperty("hoVaTen").GetString());
        Assert.Equal(150_000, echo.Body.GetProperty("soTien").GetInt32());
    }

    [Fact]
    public void Query_values_are_escaped()
    {
        using var request = Client(Basic).NewRequest(HttpMethod.Get, "api/changes", [new("since", "2026-11-28T08:30:00+07:00"), new("afterId", "a b/c")]);

        Assert.Equal($"{_address}root/api/changes?since=2026-11-28T08%3A30%3A00%2B07%3A00&afterId=a%20b%2Fc", request.RequestUri!.AbsoluteUri);
    }

    [Fact]
    public async Task Wrong_credentials_are_config_with_the_counterpartys_own_code()
    {
        var ex = await Assert.ThrowsAsync<ConnectorException>(() => Client(HttpAuth.Basic("hub", "wrong")).PostJsonAsync<Echo>("api/echo", new { }, CancellationToken.None));
        var none = await Assert.ThrowsAsync<ConnectorException>(() => Client(HttpAuth.ApiKey("X-Api-Key", "hub-key")).PostJsonAsync<Echo>("api/echo", new { }, CancellationToken.None));

        Assert.Equal((FailureKind.Config, "NO-ENTRY"), (ex.Failure.Kind, ex.Failure.Code));
        Assert.Equal((FailureKind.Config, "NO-ENTRY"), (none.Failure.Kind, none.Failure.Code));
    }

    [Fact]
    public async Task A_2xx_that_cannot_be_read_is_transient_malformed()
    {
        var ex = await Assert.ThrowsAsync<ConnectorException>(() => Client(Basic).GetJsonAsync<JsonElement>("api/broken", null, CancellationToken.None));

        Assert.Equal((FailureKind.Transient, "PROBE-MALFORMED"), (ex.Failure.Kind, ex.Failure.Code));
    }

    [Fact]
    public async Task A_path_the_counterparty_does_not_have_is_a_permanent_http_failure()
    {
        var ex = await Assert.ThrowsAsync<ConnectorException>(() => Client(Basic, "elsewhere").GetTextAsync("api/echo", null, CancellationToken.None));

        Assert.Equal((FailureKind.Permanent, "PROBE-HTTP-404"), (ex.Failure.Kind, ex.Failure.Code));
    }

    [Fact]
    public async Task The_callers_cancellation_is_thrown_as_cancellation()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Client(Basic).GetTextAsync("api/slow", null, cts.Token));
    }

    [Fact]
    public void Credentials_never_show_in_text_and_basic_cannot_carry_a_colon_in_the_user()
    {
        Assert.Equal("Authorization: ***", Basic.ToString());
        Assert.Equal("Basic aHViOm3huq10IGto4bqpdQ==", Basic.HeaderValue);
        Assert.Throws<ArgumentException>(() => HttpAuth.Basic("a:b", "c"));
    }

    private sealed record Echo(string? ContentType, long? ContentLength, string TransferEncoding, JsonElement Body, string? Query);
}
