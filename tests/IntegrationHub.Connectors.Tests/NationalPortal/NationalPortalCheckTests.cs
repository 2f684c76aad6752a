using IntegrationHub.Connectors.NationalPortal;
using IntegrationHub.Contracts;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace IntegrationHub.Connectors.Tests.NationalPortal;

public sealed class NationalPortalCheckTests
{
    private static NationalPortalOptions ValidOptions() => new()
    {
        BaseUrl = "https://portal.example/",
        Username = "hub",
        Password = "secret",
        UnitCode = "000.00.00.H56",
        StatusMap = NationalPortalTestBed.DefaultStatusMap(),
    };

    private static Task<CheckResult> CheckParametersAsync(NationalPortalOptions options)
    {
        using var http = new HttpClient();
        return new NationalPortalConnector(options, http, NullLogger<NationalPortalConnector>.Instance)
            .CheckAsync(CheckScope.Parameters, CancellationToken.None);
    }

    [Fact]
    public async Task Parameters_check_passes_for_valid_options_without_calling_the_portal()
    {
        var result = await CheckParametersAsync(ValidOptions());

        Assert.True(result.Succeeded);
        Assert.Empty(result.Problems);
    }

    [Fact]
    public async Task Parameters_check_lists_every_problem()
    {
        var result = await CheckParametersAsync(new NationalPortalOptions { PageSize = 0, MaxParallelDetails = 65, MaxParallelWrites = 0, TimeZone = "Mars/Olympus" });

        Assert.False(result.Succeeded);
        Assert.Equal(
            [
                "The BaseUrl field is required.",
                "The Username field is required.",
                "The Password field is required.",
                "The UnitCode field is required.",
                "The field PageSize must be between 1 and 1000.",
                "The field MaxParallelDetails must be between 1 and 64.",
                "The field MaxParallelWrites must be between 1 and 64.",
                "The StatusMap field must map each iGate status to a DVCQG TrangThaiHoSo code 0..10 (e.g. \"DANG_XU_LY\": \"4\"); it is empty.",
                "The TimeZone field 'Mars/Olympus' is not a time zone this machine knows (e.g. Asia/Ho_Chi_Minh).",
            ],
            result.Problems);
    }

    [Fact]
    public async Task Parameters_check_reports_a_missing_BaseUrl()
    {
        var options = ValidOptions();
        options.BaseUrl = null;

        var result = await CheckParametersAsync(options);

        Assert.Equal(["The BaseUrl field is required."], result.Problems);
    }

    [Fact]
    public async Task Parameters_check_reports_StatusMap_values_that_are_not_portal_codes()
    {
        var options = ValidOptions();
        options.StatusMap["DANG_XU_LY"] = "dang xu ly";
        options.StatusMap["DA_HUY"] = "11";

        var result = await CheckParametersAsync(options);

        Assert.Equal(
            [
                "StatusMap: 'DANG_XU_LY' maps to 'dang xu ly', which is not a DVCQG TrangThaiHoSo code (an integer 0..10).",
                "StatusMap: 'DA_HUY' maps to '11', which is not a DVCQG TrangThaiHoSo code (an integer 0..10).",
            ],
            result.Problems);
    }

    [Fact]
    public async Task Parameters_check_requires_a_TimeZone()
    {
        var options = ValidOptions();
        options.TimeZone = " ";

        var result = await CheckParametersAsync(options);

        Assert.Equal(["The TimeZone field is required (e.g. Asia/Ho_Chi_Minh)."], result.Problems);
    }

    [Fact]
    public async Task Reading_procedures_needs_no_StatusMap()
    {
        await using var bed = await NationalPortalTestBed.StartAsync(o => o.ProcedureCount = 3);

        var items = await NationalPortalTestBed.ReadAllAsync(bed.Connector(o => o.StatusMap = []));

        Assert.Equal(3, items.OfType<SourceRecord>().Count());
    }

    [Theory]
    [InlineData("api/portal")]
    [InlineData("/api/portal")]
    [InlineData("ftp://portal.example/")]
    [InlineData("not a url")]
    public async Task Parameters_check_rejects_a_BaseUrl_that_is_not_absolute_http(string baseUrl)
    {
        var options = ValidOptions();
        options.BaseUrl = baseUrl;

        var result = await CheckParametersAsync(options);

        Assert.Equal([$"BaseUrl must be an absolute http or https URL, got '{baseUrl}'."], result.Problems);
    }

    [Fact]
    public async Task Connectivity_check_logs_in_with_the_right_password()
    {
        await using var bed = await NationalPortalTestBed.StartAsync();

        var result = await bed.Connector().CheckAsync(CheckScope.Connectivity, CancellationToken.None);

        Assert.True(result.Succeeded, string.Join("; ", result.Problems));
        Assert.Equal(1, bed.Sandbox.Stats.LoginCalls);
    }

    [Fact]
    public async Task Connectivity_check_fails_with_the_reason_for_a_wrong_password()
    {
        await using var bed = await NationalPortalTestBed.StartAsync();

        var result = await bed.Connector(o => o.Password = "sai-mat-khau").CheckAsync(CheckScope.Connectivity, CancellationToken.None);

        Assert.False(result.Succeeded);
        var problem = Assert.Single(result.Problems);
        Assert.Contains("rejected user 'sandbox'", problem, StringComparison.Ordinal);
        Assert.Contains("Tên đăng nhập hoặc mật khẩu không đúng", problem, StringComparison.Ordinal);
        Assert.DoesNotContain("sai-mat-khau", problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Connectivity_check_fails_without_calling_anything_when_options_are_invalid()
    {
        await using var bed = await NationalPortalTestBed.StartAsync();

        var result = await bed.Connector(o => o.BaseUrl = "relative/path").CheckAsync(CheckScope.Connectivity, CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Equal(0, bed.Sandbox.Stats.LoginCalls);
    }
}
