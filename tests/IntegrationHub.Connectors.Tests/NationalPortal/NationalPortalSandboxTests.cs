using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using IntegrationHub.Connectors.NationalPortal.Sandbox;
using Xunit;

namespace IntegrationHub.Connectors.Tests.NationalPortal;

public sealed partial class NationalPortalSandboxTests
{
    [GeneratedRegex(@"^1\.\d{6}\.000\.00\.00\.H\d{2}$")]
    private static partial Regex ProcedureCode();

    /// <summary>Letters only Vietnamese uses (ă â đ ê ô ơ ư and tone marks), in either case.</summary>
    [GeneratedRegex("[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]", RegexOptions.IgnoreCase)]
    private static partial Regex VietnameseLetter();

    [Fact]
    public async Task Codes_are_unique_and_shaped_like_national_procedure_codes()
    {
        await using var sandbox = new NationalPortalSandbox(new NationalPortalSandboxOptions { ProcedureCount = 2000, Password = "x" });

        var codes = sandbox.ProcedureCodes;

        Assert.Equal(2000, codes.Count);
        Assert.All(codes, code => Assert.Matches(ProcedureCode(), code));
        Assert.Equal(codes.Count, codes.Distinct().Count());
        Assert.Equal(codes.Order(StringComparer.Ordinal), codes);
    }

    [Fact]
    public async Task Names_are_Vietnamese_and_varied()
    {
        await using var bed = await NationalPortalTestBed.StartAsync(o => o.ProcedureCount = 1000);

        var names = await ListNamesAsync(bed, pageSize: 1000);

        Assert.Equal(1000, names.Count);
        Assert.All(names, name => Assert.Matches(VietnameseLetter(), name));
        Assert.True(names.Distinct().Count() > 200, $"only {names.Distinct().Count()} distinct names");
        Assert.Contains(names, name => name.StartsWith("Cấp giấy phép xây dựng", StringComparison.Ordinal));
    }

    [Fact]
    public void Same_seed_gives_the_same_catalogue_and_another_seed_a_different_one()
    {
        var first = new NationalPortalSandbox(new NationalPortalSandboxOptions { ProcedureCount = 100, Seed = 7 }).ProcedureCodes;
        var again = new NationalPortalSandbox(new NationalPortalSandboxOptions { ProcedureCount = 100, Seed = 7 }).ProcedureCodes;
        var other = new NationalPortalSandbox(new NationalPortalSandboxOptions { ProcedureCount = 100, Seed = 8 }).ProcedureCodes;

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public void A_catalogue_of_100000_procedures_is_generated_quickly()
    {
        var stopwatch = Stopwatch.StartNew();
        var codes = new NationalPortalSandbox(new NationalPortalSandboxOptions { ProcedureCount = 100_000 }).ProcedureCodes;
        stopwatch.Stop();

        Assert.Equal(100_000, codes.Count);
        Assert.Equal(100_000, codes.Distinct().Count());
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(3), $"took {stopwatch.Elapsed}");
    }

    [Fact]
    public async Task Stats_endpoint_reports_calls_and_pages_in_order()
    {
        await using var bed = await NationalPortalTestBed.StartAsync();
        await NationalPortalTestBed.ReadAllAsync(bed.Connector(), new IntegrationHub.Contracts.SourceCheckpoint("{\"nextPage\":3}"));

        using var stats = JsonDocument.Parse(await bed.Http.GetStringAsync(new Uri(bed.BaseAddress, "sandbox/stats")));

        var root = stats.RootElement;
        Assert.Equal(250, root.GetProperty("procedureCount").GetInt32());
        Assert.Equal(1, root.GetProperty("loginCalls").GetInt32());
        Assert.Equal(3, root.GetProperty("listCalls").GetInt32());
        Assert.Equal(150, root.GetProperty("detailCalls").GetInt32());
        Assert.Equal([3, 4, 5], root.GetProperty("pagesRequested").EnumerateArray().Select(p => p.GetInt32()));
        Assert.Equal(JsonValueKind.Object, root.GetProperty("faults").ValueKind);
    }

    [Fact]
    public async Task Invalid_fault_settings_are_refused()
    {
        await using var bed = await NationalPortalTestBed.StartAsync();

        using var response = await bed.Http.PutAsJsonAsync(new Uri(bed.BaseAddress, "sandbox/faults"), new { failureRate = 2.0 });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(bed.Sandbox.Stats.Faults);
    }

    [Fact]
    public async Task Unknown_session_gets_the_documented_error_code()
    {
        await using var bed = await NationalPortalTestBed.StartAsync();

        var reply = await PostIntegrationAsync(bed, "khong-co-phien", "LayDanhSachTTHC", new { pageIndex = 1, pageSize = 10 });

        Assert.Equal("-2", reply.GetProperty("error_code").GetString());
        Assert.Equal("Phiên làm việc không hợp lệ hoặc đã hết hạn", reply.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Starting_without_a_password_fails_with_a_clear_message()
    {
        await using var sandbox = new NationalPortalSandbox(new NationalPortalSandboxOptions());

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => sandbox.StartAsync(CancellationToken.None));

        Assert.Contains("The Password field is required.", exception.Message, StringComparison.Ordinal);
    }

    private static async Task<List<string>> ListNamesAsync(NationalPortalTestBed bed, int pageSize)
    {
        var reply = await PostIntegrationAsync(bed, await LoginAsync(bed), "LayDanhSachTTHC", new { pageIndex = 1, pageSize });
        Assert.Equal("0", reply.GetProperty("error_code").GetString());
        return [.. reply.GetProperty("result").EnumerateArray().Select(item => item.GetProperty("TENTTHC").GetString()!)];
    }

    private static async Task<string> LoginAsync(NationalPortalTestBed bed)
    {
        using var response = await bed.Http.PostAsJsonAsync(
            new Uri(bed.BaseAddress, "api/auth/login"), new { username = "sandbox", password = NationalPortalTestBed.Password });
        var reply = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(0, reply.GetProperty("error_code").GetInt32());
        return reply.GetProperty("session").GetString()!;
    }

    private static async Task<JsonElement> PostIntegrationAsync(NationalPortalTestBed bed, string session, string service, object item)
    {
        using var response = await bed.Http.PostAsJsonAsync(
            new Uri(bed.BaseAddress, "api/integration"),
            new { session, madonvi = "000.00.00.H56", service, isUpdating = false, data = new[] { item } });
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
