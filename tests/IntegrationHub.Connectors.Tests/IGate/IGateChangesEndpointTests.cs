using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Xunit;

namespace IntegrationHub.Connectors.Tests.IGate;

/// <summary>The sandbox's change feeds and dossier control surface over HTTP.</summary>
public sealed class IGateChangesEndpointTests
{
    private static async Task<HttpResponseMessage> GetAsync(IGateTestRig rig, string path, string? apiKey = IGateTestRig.ApiKey)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(rig.BaseAddress, path));
        if (apiKey is not null)
        {
            request.Headers.Add("X-Api-Key", apiKey);
        }

        return await rig.Http.SendAsync(request);
    }

    [Fact]
    public async Task The_feeds_need_the_api_key()
    {
        await using var rig = await IGateTestRig.StartAsync();

        using var dossiers = await GetAsync(rig, "api/v1/dossiers/changes", apiKey: null);
        using var progress = await GetAsync(rig, "api/v1/progress/changes", apiKey: "wrong");

        Assert.Equal(HttpStatusCode.Unauthorized, dossiers.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, progress.StatusCode);
    }

    [Theory]
    [InlineData("since=yesterday")]
    [InlineData("afterId=000.00.01.H56-261128-0001")]
    [InlineData("limit=0")]
    [InlineData("limit=1001")]
    [InlineData("limit=ten")]
    public async Task A_bad_query_gets_400_with_igate_error(string query)
    {
        await using var rig = await IGateTestRig.StartAsync();

        using var response = await GetAsync(rig, $"api/v1/dossiers/changes?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("IGATE-400", (string?)(await response.Content.ReadFromJsonAsync<JsonObject>())!["errorCode"]);
    }

    [Fact]
    public async Task Since_alone_is_inclusive_and_since_with_afterId_is_strictly_after()
    {
        await using var rig = await IGateTestRig.StartAsync(timeProvider: IGateClock.Fixed());
        var codes = rig.Sandbox.Dossiers.Generate(5, 0).Order(StringComparer.Ordinal).ToList();
        var since = Uri.EscapeDataString("2026-11-27T17:00:00Z");

        using var inclusive = await GetAsync(rig, $"api/v1/dossiers/changes?since={since}&limit=3");
        using var after = await GetAsync(rig, $"api/v1/dossiers/changes?since={since}&afterId={codes[2]}");

        var first = (await inclusive.Content.ReadFromJsonAsync<JsonObject>())!;
        var second = (await after.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(codes.Take(3), first["items"]!.AsArray().Select(i => (string)i!["maHoSo"]!));
        Assert.True((bool)first["hasMore"]!);
        Assert.Equal(codes.Skip(3), second["items"]!.AsArray().Select(i => (string)i!["maHoSo"]!));
        Assert.False((bool)second["hasMore"]!);
    }

    [Fact]
    public async Task Generate_advance_inspect_and_count_over_http()
    {
        await using var rig = await IGateTestRig.StartAsync(timeProvider: IGateClock.Fixed());

        using var generated = await rig.Http.PostAsJsonAsync(new Uri(rig.BaseAddress, "sandbox/dossiers/generate"), new { dossiers = 20, statusChanges = 2 });
        var code = rig.Sandbox.Dossiers.Codes()[0];
        using var advanced = await rig.Http.PostAsync(new Uri(rig.BaseAddress, $"sandbox/dossiers/{code}/advance"), null);
        using var unknown = await rig.Http.PostAsync(new Uri(rig.BaseAddress, "sandbox/dossiers/none/advance"), null);
        var stats = await rig.Http.GetFromJsonAsync<JsonObject>(new Uri(rig.BaseAddress, "sandbox/dossiers/stats"));
        var dossier = await rig.Http.GetFromJsonAsync<JsonObject>(new Uri(rig.BaseAddress, $"sandbox/dossiers/{code}"));

        Assert.Equal(HttpStatusCode.OK, generated.StatusCode);
        Assert.Equal(20, (int?)(await generated.Content.ReadFromJsonAsync<JsonObject>())!["created"]);
        Assert.Equal(HttpStatusCode.OK, advanced.StatusCode);
        var step = (await advanced.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(code, (string?)step["maHoSo"]);
        Assert.Equal(4, (int?)step["version"]);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(20, (int?)stats!["dossiers"]);
        Assert.Equal((int?)stats["statusChanges"] + 20, (int?)stats["progressEntries"]);
        Assert.Equal((string?)step["trangThai"], (string?)dossier!["trangThai"]);
        Assert.Equal(4, dossier["progress"]!.AsArray().Count);
    }

    [Fact]
    public async Task Advancing_a_final_dossier_is_a_conflict_and_a_bad_generate_body_is_refused()
    {
        await using var rig = await IGateTestRig.StartAsync();
        var code = rig.Sandbox.Dossiers.Add();
        while (!IntegrationHub.Connectors.IGate.IGateDossierLifecycle.IsFinal((string)rig.Sandbox.Dossiers.Snapshot(code)!["trangThai"]!))
        {
            rig.Sandbox.Dossiers.Advance(code);
        }

        using var final = await rig.Http.PostAsync(new Uri(rig.BaseAddress, $"sandbox/dossiers/{code}/advance"), null);
        using var negative = await rig.Http.PostAsJsonAsync(new Uri(rig.BaseAddress, "sandbox/dossiers/generate"), new { dossiers = -1 });
        using var missing = await rig.Http.PostAsJsonAsync(new Uri(rig.BaseAddress, "sandbox/dossiers/generate"), new { statusChanges = 1 });

        Assert.Equal(HttpStatusCode.Conflict, final.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, negative.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
    }
}
