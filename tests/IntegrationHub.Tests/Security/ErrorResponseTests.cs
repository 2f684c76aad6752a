using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IntegrationHub.Tests.Infrastructure;
using Npgsql;

namespace IntegrationHub.Tests.Security;

/// <summary>Issue 10 #3: whatever arrives, the answer is problem+json with a <c>code</c> — an unknown route, a wrong
/// method, a parameter that does not bind, an amount that overflows, and an exception nobody expected (500
/// <c>internal_error</c> with a trace id, never the exception's text, in Development as in Production).</summary>
[Collection(PostgresCollection.Name)]
public sealed class ErrorResponseTests(PostgresCluster cluster, EdgeRigFixture fixture) : IClassFixture<EdgeRigFixture>
{
    [Fact]
    public async Task An_unknown_route_is_404_problem_json_with_code_not_found()
    {
        var rig = await fixture.GetAsync(cluster);
        await Inbound.InboundRestTests.AssertProblemAsync(await rig.Anonymous.GetAsync("no/such/place"), HttpStatusCode.NotFound, "not_found");
        await Inbound.InboundRestTests.AssertProblemAsync(await rig.Admin.GetAsync("api/citizen-lookups/not-a-number/reveals"), HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task A_wrong_method_is_405_problem_json_with_code_method_not_allowed()
    {
        var rig = await fixture.GetAsync(cluster);
        await Inbound.InboundRestTests.AssertProblemAsync(await rig.Anonymous.DeleteAsync("api/inbound/dvcqg/danh-gia"), HttpStatusCode.MethodNotAllowed, "method_not_allowed");
        await Inbound.InboundRestTests.AssertProblemAsync(await rig.Anonymous.PutAsync("soap/inbound", new StringContent("x")), HttpStatusCode.MethodNotAllowed, "method_not_allowed");
    }

    [Fact]
    public async Task A_missing_login_is_401_problem_json_with_code_unauthorized()
    {
        var rig = await fixture.GetAsync(cluster);
        var response = await rig.Anonymous.GetAsync("api/flows");
        await Inbound.InboundRestTests.AssertProblemAsync(response, HttpStatusCode.Unauthorized, "unauthorized");
        Assert.NotEmpty(response.Headers.WwwAuthenticate);
    }

    [Fact]
    public async Task A_query_parameter_that_does_not_bind_is_400_problem_json_with_code_bad_request()
    {
        var rig = await fixture.GetAsync(cluster);
        await Inbound.InboundRestTests.AssertProblemAsync(await rig.Admin.GetAsync("api/dead-letters?from=last-tuesday"), HttpStatusCode.BadRequest, "bad_request");
    }

    [Fact]
    public async Task Two_fees_of_long_MaxValue_are_refused_400_invalid_amount_not_500()
    {
        var rig = await fixture.GetAsync(cluster);
        var payments = await rig.ScalarAsync("select count(*) from hub.payments");
        var (response, _) = await Payments.PaymentTestKit.InitAsync(rig.Portal, "overflow-1", "H56.01-261128-0801", long.MaxValue, long.MaxValue);
        await Inbound.InboundRestTests.AssertProblemAsync(response, HttpStatusCode.BadRequest, "invalid_amount");
        Assert.Equal(payments, await rig.ScalarAsync("select count(*) from hub.payments"));
    }

    [Fact]
    public async Task Fees_adding_up_past_Payments_MaxAmount_are_refused_400_invalid_amount()
    {
        var rig = await fixture.GetAsync(cluster);
        var (response, _) = await Payments.PaymentTestKit.InitAsync(rig.Portal, "overflow-2", "H56.01-261128-0802", 600_000_000_000, 600_000_000_000);
        await Inbound.InboundRestTests.AssertProblemAsync(response, HttpStatusCode.BadRequest, "invalid_amount");
    }

    [Fact]
    public async Task A_fee_of_zero_or_beyond_a_long_is_refused_400_invalid_amount()
    {
        var rig = await fixture.GetAsync(cluster);
        var (zero, _) = await Payments.PaymentTestKit.InitAsync(rig.Portal, "amount-0", "H56.01-261128-0803", 0);
        await Inbound.InboundRestTests.AssertProblemAsync(zero, HttpStatusCode.BadRequest, "invalid_amount");
        var huge = await rig.Portal.PostAsync("/api/payments/init/cong-dvc", new StringContent(
            """{"messageId":"amount-huge","data":{"MaHoSo":"H1","MaTTHC":"T1","HoTenNguoiNop":"An","PhiLePhi":[{"TenPhiLePhi":"Lệ phí","SoTien":99999999999999999999999}]}}""",
            System.Text.Encoding.UTF8, "application/json"));
        await Inbound.InboundRestTests.AssertProblemAsync(huge, HttpStatusCode.BadRequest, "invalid_amount");
    }

    [Theory]
    [InlineData("Development")]
    [InlineData("Production")]
    public async Task An_unhandled_exception_is_500_internal_error_with_a_trace_id_and_no_exception_text(string environment)
    {
        var database = await cluster.CreateDatabaseAsync();
        var logs = new CapturedLogs();
        await using var hub = await TestHub.StartAsync(TestHub.BaseSettings(database), environment, logs.AddTo);
        using var admin = TestHub.AdminClient(hub);
        await using (var connection = new NpgsqlConnection(database))
        {
            // A fault no code path expects: the table under the endpoint is gone.
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand("alter table hub.payments rename to payments_gone", connection);
            await drop.ExecuteNonQueryAsync();
        }

        var response = await admin.GetAsync("api/payments?maHoSo=H56.01-261128-0804");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(text).RootElement;
        Assert.Equal("internal_error", problem.GetProperty("code").GetString());
        var traceId = problem.GetProperty("traceId").GetString()!;
        Assert.False(string.IsNullOrWhiteSpace(traceId));
        foreach (var leak in new[] { "payments", "Npgsql", "Postgres", "42P01", "Exception", " at " })
        {
            Assert.DoesNotContain(leak, text, StringComparison.OrdinalIgnoreCase);
        }

        // The operators find it by the trace id: logged with the exception.
        Assert.Contains(logs.Lines, line => line.Contains(traceId, StringComparison.Ordinal) && line.Contains("42P01", StringComparison.Ordinal));
    }
}
