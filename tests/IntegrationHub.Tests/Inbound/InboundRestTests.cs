using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using IntegrationHub.Host.Inbound;
using IntegrationHub.Tests.Infrastructure;

namespace IntegrationHub.Tests.Inbound;

/// <summary>REST pushes: signed, durable before 202, idempotent by message id, and every bad request refused with its
/// code while the database stays as it was.</summary>
[Collection(PostgresCollection.Name)]
public sealed class InboundRestTests(PostgresCluster cluster)
{
    private const string Path = "/api/inbound/dvcqg/danh-gia";

    [Fact]
    public async Task A_signed_push_is_stored_before_202_and_a_repeat_gets_the_original_receipt()
    {
        var database = await cluster.CreateDatabaseAsync();
        await using var hub = await TestHub.StartAsync(TestHub.BaseSettings(database));
        using var client = PartnerClient(hub);

        var first = await client.PostAsync(Path, Body(Evaluation("msg-1", "H56.01-261128-0001")));
        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        var receipt = await first.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("msg-1", receipt.GetProperty("messageId").GetString());
        Assert.Equal("dvcqg", receipt.GetProperty("partner").GetString());
        Assert.Equal("danh-gia", receipt.GetProperty("messageType").GetString());
        var counts = await InboxCounts.ReadAsync(database);
        Assert.Equal(1, counts.Inbox);

        var again = await client.PostAsync(Path, Body(Evaluation("msg-1", "H56.01-261128-0001")));
        Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
        Assert.Equal("true", again.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(receipt.GetRawText(), (await again.Content.ReadFromJsonAsync<JsonElement>()).GetRawText());
        Assert.Equal(1, (await InboxCounts.ReadAsync(database)).Inbox);

        // Same id, other content: a partner bug, not a repeat.
        var changed = await client.PostAsync(Path, Body(Evaluation("msg-1", "H56.01-261128-0001", score: 1)));
        await AssertProblemAsync(changed, HttpStatusCode.Conflict, "message_id_conflict");
        Assert.Equal(1, (await InboxCounts.ReadAsync(database)).Inbox);
    }

    [Fact]
    public async Task Fifty_concurrent_copies_of_one_message_store_one_message_and_get_fifty_identical_receipts()
    {
        var database = await cluster.CreateDatabaseAsync();
        await using var hub = await TestHub.StartAsync(TestHub.BaseSettings(database));
        using var client = PartnerClient(hub);
        using var start = new ManualResetEventSlim();

        var copies = Enumerable.Range(0, 50).Select(_ => Task.Run(async () =>
        {
            start.Wait();
            var response = await client.PostAsync(Path, Body(Evaluation("copy-1", "H56.01-261128-0002")));
            return (response.StatusCode, Body: await response.Content.ReadAsStringAsync());
        })).ToList();
        start.Set();
        var results = await Task.WhenAll(copies);

        Assert.All(results, r => Assert.Equal(HttpStatusCode.Accepted, r.StatusCode));
        Assert.Single(results.Select(r => r.Body).Distinct());
        var counts = await InboxCounts.ReadAsync(database);
        Assert.Equal(1, counts.Inbox);
        Assert.Equal(50, counts.Nonces);
    }

    public static TheoryData<string> BadRequests() => new(BadRequestCases.Keys);

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task A_bad_request_gets_its_code_and_changes_nothing(string name)
    {
        var database = await cluster.CreateDatabaseAsync();
        var settings = TestHub.BaseSettings(database);
        settings["Inbound:MaxBodyBytes"] = "4096";
        await using var hub = await TestHub.StartAsync(settings);
        using var plain = new HttpClient { BaseAddress = hub.BaseAddress };
        using (var client = PartnerClient(hub))
        {
            // One accepted message first, so "unchanged" is measured against a database that has something in it.
            var seeded = await client.PostAsync(Path, Body(Evaluation("seed-1", "H56.01-261128-0003")));
            Assert.True(seeded.StatusCode == HttpStatusCode.Accepted, await seeded.Content.ReadAsStringAsync());
        }

        // Wait until the router has moved it into its flow, so nothing changes on its own during the check.
        var before = await Eventually.ReturnsAsync(() => InboxCounts.ReadAsync(database), c => c.Messages == 1, TimeSpan.FromSeconds(30), "the seed message routed");
        var (status, code) = BadRequestCases[name].Expected;
        var response = await BadRequestCases[name].Send(plain);

        await AssertProblemAsync(response, status, code);
        Assert.Equal(before, await InboxCounts.ReadAsync(database));
    }

    [Fact]
    public async Task A_captured_request_sent_again_is_refused_as_a_replay()
    {
        var database = await cluster.CreateDatabaseAsync();
        await using var hub = await TestHub.StartAsync(TestHub.BaseSettings(database));
        using var plain = new HttpClient { BaseAddress = hub.BaseAddress };
        var body = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(Evaluation("replay-1", "H56.01-261128-0004")));
        var nonce = "captured-nonce-0001";
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

        Assert.Equal(HttpStatusCode.Accepted, (await plain.SendAsync(Signed(body, timestamp, nonce))).StatusCode);
        var before = await Eventually.ReturnsAsync(() => InboxCounts.ReadAsync(database), c => c.Messages == 1, TimeSpan.FromSeconds(30), "the message routed");
        await AssertProblemAsync(await plain.SendAsync(Signed(body, timestamp, nonce)), HttpStatusCode.Unauthorized, "nonce_replayed");
        Assert.Equal(before, await InboxCounts.ReadAsync(database));
    }

    [Fact]
    public async Task The_signature_is_HMAC_SHA256_of_method_path_timestamp_nonce_and_body_hash_as_documented()
    {
        // Computed here from the README's description, not with the hub's helper: a change to the scheme breaks partners.
        var body = "{\"messageId\":\"x\"}"u8.ToArray();
        var canonical = $"POST\n{Path}\n1764300000\nnonce-0123456789abcdef\n{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(body))}";
        var expected = Convert.ToBase64String(System.Security.Cryptography.HMACSHA256.HashData(Encoding.UTF8.GetBytes("k3y"), Encoding.UTF8.GetBytes(canonical)));
        Assert.Equal(expected, InboundSignature.Compute("k3y", "post", Path, "1764300000", "nonce-0123456789abcdef", body));
    }

    private static readonly Dictionary<string, ((HttpStatusCode Status, string Code) Expected, Func<HttpClient, Task<HttpResponseMessage>> Send)> BadRequestCases = new()
    {
        ["malformed json"] = ((HttpStatusCode.BadRequest, "malformed_json"), c => c.SendAsync(Signed("{\"messageId\": \"a\", \"data\": {"u8.ToArray()))),
        ["top level is an array"] = ((HttpStatusCode.BadRequest, "wrong_field_type"), c => c.SendAsync(Signed("[1,2]"u8.ToArray()))),
        ["unknown envelope field"] = ((HttpStatusCode.BadRequest, "unknown_field"), c => c.SendAsync(Signed(Json(new { messageId = "u1", data = Data("H1"), extra = 1 })))),
        ["unknown data field"] = ((HttpStatusCode.BadRequest, "unknown_field"), c => c.SendAsync(Signed(Json(new { messageId = "u2", data = new { MaHoSo = "H1", DiemDanhGia = 5, ThoiGianDanhGia = "20261128090000", Diem = 5 } })))),
        ["missing message id"] = ((HttpStatusCode.BadRequest, "missing_field"), c => c.SendAsync(Signed(Json(new { data = Data("H1") })))),
        ["missing required field"] = ((HttpStatusCode.BadRequest, "missing_field"), c => c.SendAsync(Signed(Json(new { messageId = "m1", data = new { MaHoSo = "H1", ThoiGianDanhGia = "20261128090000" } })))),
        ["missing data"] = ((HttpStatusCode.BadRequest, "missing_field"), c => c.SendAsync(Signed(Json(new { messageId = "m2" })))),
        ["wrong field type"] = ((HttpStatusCode.BadRequest, "wrong_field_type"), c => c.SendAsync(Signed(Json(new { messageId = "w1", data = new { MaHoSo = "H1", DiemDanhGia = "năm", ThoiGianDanhGia = "20261128090000" } })))),
        ["fractional integer"] = ((HttpStatusCode.BadRequest, "wrong_field_type"), c => c.SendAsync(Signed(Json(new { messageId = "w2", data = new { MaHoSo = "H1", DiemDanhGia = 4.5, ThoiGianDanhGia = "20261128090000" } })))),
        ["message id wrong type"] = ((HttpStatusCode.BadRequest, "wrong_field_type"), c => c.SendAsync(Signed(Json(new { messageId = 7, data = Data("H1") })))),
        ["oversize body"] = ((HttpStatusCode.RequestEntityTooLarge, "body_too_large"), c => c.SendAsync(Signed(Json(new { messageId = "big", data = new { MaHoSo = new string('x', 5000), DiemDanhGia = 5, ThoiGianDanhGia = "20261128090000" } })))),
        ["oversize chunked body"] = ((HttpStatusCode.RequestEntityTooLarge, "body_too_large"), c => c.SendAsync(Chunked(Signed(Json(new { messageId = "big2", data = new { MaHoSo = new string('x', 5000), DiemDanhGia = 5, ThoiGianDanhGia = "20261128090000" } }))))),
        ["not json content type"] = ((HttpStatusCode.UnsupportedMediaType, "unsupported_media_type"), c => c.SendAsync(Signed(Json(Evaluation("t1", "H1")), contentType: "text/plain"))),
        ["unknown partner"] = ((HttpStatusCode.Unauthorized, "invalid_api_key"), c => c.SendAsync(Signed(Json(Evaluation("p1", "H1")), path: "/api/inbound/nobody/danh-gia"))),
        ["unknown message type"] = ((HttpStatusCode.NotFound, "unknown_message_type"), c => c.SendAsync(Signed(Json(Evaluation("p2", "H1")), path: "/api/inbound/dvcqg/khong-co"))),
        ["no signature"] = ((HttpStatusCode.Unauthorized, "missing_credentials"), c => c.SendAsync(Without(Signed(Json(Evaluation("s1", "H1"))), InboundAuthenticator.SignatureHeader))),
        ["wrong api key"] = ((HttpStatusCode.Unauthorized, "invalid_api_key"), c => c.SendAsync(Signed(Json(Evaluation("s2", "H1")), apiKey: "someone-elses-key-123"))),
        ["wrong secret"] = ((HttpStatusCode.Unauthorized, "invalid_signature"), c => c.SendAsync(Signed(Json(Evaluation("s3", "H1")), secret: "not-the-partner-secret-0123456789abcdef"))),
        ["body changed after signing"] = ((HttpStatusCode.Unauthorized, "invalid_signature"), c => c.SendAsync(Tampered(Signed(Json(Evaluation("s4", "H1"))), Json(Evaluation("s4", "H2"))))),
        ["expired timestamp"] = ((HttpStatusCode.Unauthorized, "expired_timestamp"), c => c.SendAsync(Signed(Json(Evaluation("s5", "H1")), timestamp: DateTimeOffset.UtcNow.AddMinutes(-6).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)))),
        ["future timestamp"] = ((HttpStatusCode.Unauthorized, "expired_timestamp"), c => c.SendAsync(Signed(Json(Evaluation("s6", "H1")), timestamp: DateTimeOffset.UtcNow.AddMinutes(6).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)))),
        ["malformed nonce"] = ((HttpStatusCode.Unauthorized, "invalid_nonce"), c => c.SendAsync(Signed(Json(Evaluation("s7", "H1")), nonce: "short"))),
    };

    internal static HttpClient PartnerClient(IntegrationHub.Host.HubHost hub) =>
        new(new PartnerSigningHandler(TestHub.InboundPartnerKey, TestHub.InboundPartnerSecret)) { BaseAddress = hub.BaseAddress };

    internal static object Evaluation(string messageId, string maHoSo, int score = 5) => new { messageId, data = Data(maHoSo, score) };

    private static object Data(string maHoSo, int score = 5) =>
        new { MaHoSo = maHoSo, DiemDanhGia = score, NoiDungDanhGia = "Cán bộ hướng dẫn tận tình", ThoiGianDanhGia = "20261128093000" };

    /// <summary>Vietnamese field names as written: PascalCase, not the web default camelCase.</summary>
    internal static HttpContent Body(object value) => JsonContent.Create(value, options: JsonSerializerOptions.Default);

    private static byte[] Json(object value) => JsonSerializer.SerializeToUtf8Bytes(value);

    private static HttpRequestMessage Signed(
        byte[] body, string? timestamp = null, string? nonce = null, string path = Path, string contentType = "application/json",
        string apiKey = TestHub.InboundPartnerKey, string secret = TestHub.InboundPartnerSecret)
    {
        timestamp ??= DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        nonce ??= Guid.NewGuid().ToString("N");
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);
        request.Headers.Add(InboundAuthenticator.ApiKeyHeader, apiKey);
        request.Headers.Add(InboundAuthenticator.TimestampHeader, timestamp);
        request.Headers.Add(InboundAuthenticator.NonceHeader, nonce);
        request.Headers.Add(InboundAuthenticator.SignatureHeader, InboundSignature.Compute(secret, "POST", path, timestamp, nonce, body));
        return request;
    }

    private static HttpRequestMessage Without(HttpRequestMessage request, string header)
    {
        request.Headers.Remove(header);
        return request;
    }

    private static HttpRequestMessage Tampered(HttpRequestMessage request, byte[] body)
    {
        var type = request.Content!.Headers.ContentType;
        request.Content = new ByteArrayContent(body);
        request.Content.Headers.ContentType = type;
        return request;
    }

    private static HttpRequestMessage Chunked(HttpRequestMessage request)
    {
        var body = request.Content!.ReadAsByteArrayAsync().GetAwaiter().GetResult();
        var type = request.Content.Headers.ContentType;
        request.Content = new StreamContent(new MemoryStream(body)); // no length: sent chunked
        request.Content.Headers.ContentType = type;
        request.Headers.TransferEncodingChunked = true;
        return request;
    }

    internal static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"expected {(int)status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(text).RootElement;
        Assert.Equal(code, problem.GetProperty("code").GetString());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
    }
}
