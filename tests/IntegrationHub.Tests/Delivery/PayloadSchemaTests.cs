using System.Text.Json;
using IntegrationHub.Host.Delivery;
using Json.Schema;

namespace IntegrationHub.Tests.Delivery;

/// <summary>What a destination stream's declared schema says about a payload: nothing when it matches, else each
/// failing JSON path with what is wrong there.</summary>
public sealed class PayloadSchemaTests
{
    private const string Shipment = """
        {
          "type": "object",
          "required": ["maHoSo", "nguoiNhan"],
          "properties": {
            "maHoSo": { "type": "string" },
            "nguoiNhan": {
              "type": "object",
              "required": ["diaChi"],
              "properties": { "diaChi": { "type": "string", "minLength": 5 }, "dienThoai": { "type": "string", "pattern": "^0[0-9]{9}$" } }
            },
            "buuGui": { "type": "array", "items": { "type": "object", "properties": { "khoiLuong gram": { "type": "integer", "minimum": 1 } } } }
          }
        }
        """;

    [Fact]
    public void A_matching_payload_has_no_problem()
    {
        var schema = PayloadSchema.Compile("postal", "shipments", Shipment);

        Assert.Null(schema.Problem("""{"maHoSo":"H56.01-260101-0001","nguoiNhan":{"diaChi":"12 Lê Lợi, Đà Lạt"},"buuGui":[{"khoiLuong gram":250}]}"""));
    }

    [Fact]
    public void Each_failing_path_is_named_as_a_json_path_nested_objects_and_arrays_included()
    {
        var schema = PayloadSchema.Compile("postal", "shipments", Shipment);

        var problem = schema.Problem("""{"maHoSo":7,"nguoiNhan":{"diaChi":"x","dienThoai":"12"},"buuGui":[{"khoiLuong gram":250},{"khoiLuong gram":0}]}""");

        Assert.NotNull(problem);
        Assert.StartsWith("The payload does not match the schema of postal:shipments: ", problem, StringComparison.Ordinal);
        foreach (var path in new[] { "$.maHoSo: ", "$.nguoiNhan.diaChi: ", "$.nguoiNhan.dienThoai: ", "$.buuGui[1]['khoiLuong gram']: " })
        {
            Assert.Contains(path, problem, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("$.buuGui[0]", problem, StringComparison.Ordinal);
        Assert.Contains("$: Required properties [\"nguoiNhan\"] are not present", schema.Problem("""{"maHoSo":"H1"}"""), StringComparison.Ordinal);
    }

    [Fact]
    public void A_payload_failing_many_rules_names_the_first_five_and_counts_the_rest()
    {
        var schema = PayloadSchema.Compile("t", "s", """{"type":"array","items":{"type":"string"}}""");

        var problem = schema.Problem("[1,2,3,4,5,6,7]");

        Assert.EndsWith("$[4]: Value is \"integer\" but should be \"string\"; and 2 more", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_text_that_is_not_a_json_schema_does_not_compile()
    {
        Assert.ThrowsAny<JsonException>(() => PayloadSchema.Compile("t", "s", """{"type": "object" """));
        Assert.Throws<JsonSchemaException>(() => PayloadSchema.Compile("t", "s", """{"type": "strin"}"""));
        Assert.ThrowsAny<ArgumentException>(() => PayloadSchema.Compile("t", "s", "[1]"));
    }
}
