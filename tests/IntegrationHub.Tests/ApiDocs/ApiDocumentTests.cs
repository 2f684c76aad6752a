using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using IntegrationHub.Host.ApiDocs;
using IntegrationHub.Host.Configuration;
using IntegrationHub.Tests.Inbound;
using IntegrationHub.Tests.Infrastructure;
using Json.Schema;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace IntegrationHub.Tests.ApiDocs;

/// <summary>The OpenAPI document, fetched over HTTP from a running hub: valid OpenAPI 3.1, with the admin login and
/// the partners' signature as security schemes, every configured message type's schema exactly as the hub validates,
/// and the problem codes per response; the README's example push matches its schema.</summary>
[Collection(PostgresCollection.Name)]
public sealed partial class ApiDocumentTests(PostgresCluster cluster)
{
    [Fact]
    public async Task The_document_is_valid_OpenAPI_3_1_with_the_security_schemes_and_a_path_and_schema_per_configured_message_type()
    {
        await using var hub = await TestHub.StartAsync(TestHub.BaseSettings(await cluster.CreateDatabaseAsync()));
        using var admin = TestHub.AdminClient(hub);
        var text = await admin.GetStringAsync("openapi/v1.json");
        Directory.CreateDirectory("TestResults");
        await File.WriteAllTextAsync("TestResults/openapi-v1.json", text);

        var document = Parse(text);
        var json = JsonNode.Parse(text)!;
        Assert.Matches(@"^3\.1\.\d+$", json["openapi"]!.GetValue<string>());
        var schemes = document.Components!.SecuritySchemes!;
        Assert.Equal(SecuritySchemeType.Http, schemes[ApiSecuritySchemes.AdminBasic].Type);
        Assert.Equal("basic", schemes[ApiSecuritySchemes.AdminBasic].Scheme);
        Assert.Equal(
            ["X-Api-Key", "X-Timestamp", "X-Nonce", "X-Signature"],
            ApiSecuritySchemes.Partner.Select(name => (schemes[name].Type, schemes[name].In, schemes[name].Name)).Select(s =>
            {
                Assert.Equal((SecuritySchemeType.ApiKey, ParameterLocation.Header), (s.Type, s.In));
                return s.Name!;
            }));

        // Every configured message type: its own path, signed, whose body is its schema with the configured fields.
        var partners = hub.Services.GetRequiredService<IOptions<InboundOptions>>().Value.Partners;
        Assert.NotEmpty(partners);
        foreach (var (partner, options) in partners)
        {
            foreach (var (type, typeOptions) in options.MessageTypes)
            {
                var path = type == "payment-init" ? $"/api/payments/init/{partner}" : $"/api/inbound/{partner}/{type}";
                var operation = Assert.Single(document.Paths[path].Operations!).Value;
                var requirement = Assert.Single(operation.Security!);
                Assert.Equal(ApiSecuritySchemes.Partner.Order(), requirement.Keys.Select(k => k.Reference.Id!).Order());
                var name = InboundMessageSchema.ComponentName(partner, type);
                var body = Assert.IsType<OpenApiSchemaReference>(operation.RequestBody!.Content!["application/json"].Schema);
                Assert.Equal(name, body.Reference.Id);

                var schema = json["components"]!["schemas"]![name]!;
                Assert.False(schema["additionalProperties"]!.GetValue<bool>());
                var data = schema["properties"]!["data"]!;
                Assert.False(data["additionalProperties"]!.GetValue<bool>());
                Assert.Equal(typeOptions.Fields.Keys.Order(), data["properties"]!.AsObject().Select(p => p.Key).Order());
                Assert.Equal(typeOptions.Fields.Where(f => f.Value.Required).Select(f => f.Key).Order(), data["required"]!.AsArray().Select(r => r!.GetValue<string>()).Order());
                foreach (var (field, fieldOptions) in typeOptions.Fields)
                {
                    var types = data["properties"]![field]!["type"]!;
                    Assert.Equal(fieldOptions.Required ? [fieldOptions.Type] : new[] { fieldOptions.Type, "null" }.Order().ToArray(),
                        (types is JsonArray list ? list.Select(t => t!.GetValue<string>()) : [types.GetValue<string>()]).Order().ToArray());
                }
            }
        }

        // The templates are replaced by the partners' own paths: nothing tells an anonymous reader which types exist.
        Assert.DoesNotContain("/api/inbound/{partner}/{messageType}", document.Paths.Keys);
    }

    [Fact]
    public async Task Admin_operations_need_the_login_and_list_the_problem_codes_each_status_may_carry()
    {
        await using var hub = await TestHub.StartAsync(TestHub.BaseSettings(await cluster.CreateDatabaseAsync()));
        using var anonymous = new HttpClient { BaseAddress = hub.BaseAddress };
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("openapi/v1.json")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("docs")).StatusCode);

        using var admin = TestHub.AdminClient(hub);
        var json = JsonNode.Parse(await admin.GetStringAsync("openapi/v1.json"))!;
        var run = json["paths"]!["/api/flows/{flowId}/run"]!["post"]!;
        Assert.Equal("runFlow", run["operationId"]!.GetValue<string>());
        Assert.Equal(ApiSecuritySchemes.AdminBasic, Assert.Single(Assert.Single(run["security"]!.AsArray())!.AsObject()).Key);
        Assert.Equal(["unknown_flow"], Codes(run, "404"));
        Assert.Equal(["flow_running", "flow_is_inbound", "flow_paused"], Codes(run, "409"));
        Assert.Contains("role_required", Codes(run, "403"));
        Assert.Contains("cross_site_request", Codes(run, "403"));
        Assert.Equal(["unauthorized"], Codes(run, "401"));
        Assert.Equal(["internal_error"], Codes(run, "500"));
        Assert.Equal("#/components/schemas/FlowRunAccepted", run["responses"]!["202"]!["content"]!["application/json"]!["schema"]!["$ref"]!.GetValue<string>());

        // Typed responses: the schema's properties are the JSON the endpoint writes.
        var flows = JsonNode.Parse(await admin.GetStringAsync("api/flows"))!.AsArray();
        var summary = json["components"]!["schemas"]!["FlowSummary"]!["properties"]!.AsObject().Select(p => p.Key);
        Assert.Equal(summary, flows[0]!.AsObject().Select(p => p.Key));
        var flowCounts = json["components"]!["schemas"]!["FlowCounts"]!["properties"]!.AsObject().Select(p => p.Key);
        Assert.Equal(flowCounts, flows[0]!["counts"]!.AsObject().Select(p => p.Key));

        // A body the handler reads itself is documented without routing by Content-Type; a dry run answers the other shape.
        var replay = json["paths"]!["/api/dead-letters/replay"]!["post"]!;
        Assert.Equal("#/components/schemas/DeadLetterActionRequest", replay["requestBody"]!["content"]!["application/json"]!["schema"]!["$ref"]!.GetValue<string>());
        Assert.Equal(
            ["#/components/schemas/DeadLetterActionDone", "#/components/schemas/DeadLetterDryRun"],
            replay["responses"]!["200"]!["content"]!["application/json"]!["schema"]!["oneOf"]!.AsArray().Select(s => s!["$ref"]!.GetValue<string>()));
        Assert.Contains("reason_required", Codes(replay, "400"));

        // A module's endpoints are documented the same way (the payment platform's, the population database's).
        var payment = json["paths"]!["/api/payments/{maThamChieu}/bill"]!["get"]!;
        Assert.Equal(["payment_not_paid"], Codes(payment, "409"));
        var reveal = json["paths"]!["/api/citizen-lookups/{id}/reveal"]!["post"]!;
        Assert.Contains("reason_required", Codes(reveal, "400"));
        Assert.Equal("#/components/schemas/RevealAnswer", reveal["responses"]!["200"]!["content"]!["application/json"]!["schema"]!["$ref"]!.GetValue<string>());

        // The partner push: signed, with the gateway's refusals by status.
        var push = json["paths"]!["/api/inbound/dvcqg/danh-gia"]!["post"]!;
        Assert.Contains("invalid_signature", Codes(push, "401"));
        Assert.Contains("unknown_field", Codes(push, "400"));
        Assert.Equal(["message_id_conflict"], Codes(push, "409"));
        Assert.Equal(["storage_unavailable", "inbox_full", "gateway_busy"], Codes(push, "503"));
    }

    [Fact]
    public async Task The_README_example_push_matches_its_schema_and_the_schema_refuses_what_the_hub_refuses()
    {
        await using var hub = await TestHub.StartAsync(TestHub.BaseSettings(await cluster.CreateDatabaseAsync()));
        using var admin = TestHub.AdminClient(hub);
        var json = JsonNode.Parse(await admin.GetStringAsync("openapi/v1.json"))!;
        var schema = JsonSchema.FromText(
            json["components"]!["schemas"]![InboundMessageSchema.ComponentName("dvcqg", "danh-gia")]!.ToJsonString(),
            new BuildOptions { SchemaRegistry = new SchemaRegistry() });

        var readme = await File.ReadAllTextAsync(Path.Combine(RepositoryFolder.Root(), "README.md"));
        var example = ReadmePushExample().Match(readme);
        Assert.True(example.Success, "README.md's 'Pushing data into the hub' shows a signed POST to /api/inbound/dvcqg/danh-gia with its body");
        var body = JsonNode.Parse(example.Groups["body"].Value)!.AsObject();

        // Each body: what the schema says, and what the hub answers. They must agree.
        using var partner = InboundRestTests.PartnerClient(hub);
        var cases = new List<(string What, JsonObject Body, string? Code)>
        {
            ("the README's example", body, null),
            ("an optional field set to null", With(body, b => b["data"]!["NoiDungDanhGia"] = null), null),
            ("an unknown field", With(body, b => b["data"]!["DiemDanhGiaa"] = 4), "unknown_field"),
            ("a required field missing", With(body, b => b["data"]!.AsObject().Remove("ThoiGianDanhGia")), "missing_field"),
            ("a required field null", With(body, b => b["data"]!["MaHoSo"] = null), "wrong_field_type"),
            ("a string where an integer belongs", With(body, b => b["data"]!["DiemDanhGia"] = "5"), "wrong_field_type"),
            ("a message id over 128 characters", With(body, b => b["messageId"] = new string('x', 129)), "invalid_message_id"),
            ("a message id with a control character", With(body, b => b["messageId"] = "DG-2026-\u0085-1"), "invalid_message_id"),
            ("a business key over its limit", With(body, b => b["data"]!["MaHoSo"] = new string('K', 501)), "invalid_field"),
            ("a field beside messageId and data", With(body, b => b["priority"] = 1), "unknown_field"),
        };
        var messageNumber = 0;
        foreach (var (what, candidate, code) in cases)
        {
            if (code is null && what != "the README's example")
            {
                candidate["messageId"] = $"DG-TEST-{++messageNumber}";
            }

            var verdict = schema.Evaluate(JsonDocument.Parse(candidate.ToJsonString()).RootElement);
            var response = await partner.PostAsync("/api/inbound/dvcqg/danh-gia", new StringContent(candidate.ToJsonString(), Encoding.UTF8, "application/json"));
            var answer = await response.Content.ReadAsStringAsync();
            if (code is null)
            {
                Assert.True(verdict.IsValid, $"{what} matches its schema");
                Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"{what}: {answer}");
            }
            else
            {
                Assert.False(verdict.IsValid, $"{what} does not match its schema");
                Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{what}: {answer}");
                Assert.Equal(code, JsonNode.Parse(answer)!["code"]!.GetValue<string>());
            }
        }
    }

    [Fact]
    public async Task A_partner_reads_its_own_part_of_the_document_signed_and_nothing_of_other_partners_or_the_admin_API()
    {
        await using var hub = await TestHub.StartAsync(TestHub.BaseSettings(await cluster.CreateDatabaseAsync()));
        using var anonymous = new HttpClient { BaseAddress = hub.BaseAddress };
        var unsigned = await anonymous.GetAsync("openapi/partners/dvcqg.json");
        Assert.Equal(HttpStatusCode.Unauthorized, unsigned.StatusCode);
        Assert.Equal("missing_credentials", JsonNode.Parse(await unsigned.Content.ReadAsStringAsync())!["code"]!.GetValue<string>());

        using var dvcqg = InboundRestTests.PartnerClient(hub);
        // Another partner's part is refused like a wrong key: it does not say whether that partner exists.
        var other = await dvcqg.GetAsync("openapi/partners/cong-dvc.json");
        Assert.Equal(HttpStatusCode.Unauthorized, other.StatusCode);
        Assert.Equal("invalid_api_key", JsonNode.Parse(await other.Content.ReadAsStringAsync())!["code"]!.GetValue<string>());

        var text = await dvcqg.GetStringAsync("openapi/partners/dvcqg.json");
        var document = Parse(text);
        Assert.Equal(["/api/inbound/dvcqg/danh-gia"], document.Paths.Keys);
        Assert.Equal(
            ["InboundReceipt", InboundMessageSchema.ComponentName("dvcqg", "danh-gia"), ProblemSchema.Name],
            document.Components!.Schemas!.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(ApiSecuritySchemes.Partner.Order(), document.Components.SecuritySchemes!.Keys.Order());
        Assert.DoesNotContain("cong-dvc", text, StringComparison.Ordinal);
    }

    private static OpenApiDocument Parse(string text)
    {
        var (document, diagnostic) = OpenApiDocument.Parse(text, "json", new OpenApiReaderSettings());
        Assert.NotNull(document);
        Assert.Empty(diagnostic!.Errors.Select(e => e.ToString()));
        Assert.Empty(document.Validate(Microsoft.OpenApi.ValidationRuleSet.GetDefaultRuleSet())!.Select(e => e.ToString()));
        Assert.Equal(OpenApiSpecVersion.OpenApi3_1, diagnostic.SpecificationVersion);
        return document;
    }

    private static List<string> Codes(JsonNode operation, string status)
    {
        var schema = operation["responses"]![status]!["content"]!["application/problem+json"]!["schema"]!;
        Assert.Equal("#/components/schemas/Problem", schema["allOf"]![0]!["$ref"]!.GetValue<string>());
        return [.. schema["allOf"]![1]!["properties"]!["code"]!["enum"]!.AsArray().Select(c => c!.GetValue<string>())];
    }

    private static JsonObject With(JsonObject body, Action<JsonObject> change)
    {
        var copy = body.DeepClone().AsObject();
        change(copy);
        return copy;
    }

    /// <summary>The README's push example: the signed request line, its headers, a blank line, then the body.</summary>
    [GeneratedRegex(@"POST /api/inbound/\{partner\}/\{messageType\}[^\n]*\n(?:[A-Z][\w-]*: [^\n]*\n)+\n(?<body>\{[^\n]+\})\n")]
    private static partial Regex ReadmePushExample();
}
