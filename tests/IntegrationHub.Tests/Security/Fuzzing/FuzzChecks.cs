using System.Text.Json;
using System.Xml;
using System.Xml.Linq;

namespace IntegrationHub.Tests.Security.Fuzzing;

/// <summary>The promises every answer keeps: never a server error; a refusal is problem+json with a <c>code</c> (or,
/// where an endpoint has its own documented shape, that shape with its code: a SOAP Fault with InboundFault, the
/// payment platform's MaLoi); a success is the endpoint's documented answer.</summary>
public static class FuzzChecks
{
    public static FuzzVerdict Problem(FuzzAnswer answer)
    {
        if (answer.Status >= 500)
        {
            return FuzzVerdict.Fail($"a server error ({answer.Status})");
        }

        if (answer.Status < 400)
        {
            return FuzzVerdict.Fail($"{answer.Status} where a refusal was expected");
        }

        if (answer.MediaType != "application/problem+json")
        {
            return FuzzVerdict.Fail("a refusal that is not application/problem+json");
        }

        return Property(answer, "code") is { Length: > 0 } code
            ? new FuzzVerdict($"{answer.Status} {code}")
            : FuzzVerdict.Fail("a problem without a code");
    }

    /// <summary>A 2xx JSON answer holding <paramref name="property"/>, counted as <paramref name="category"/>; anything else must be a coded refusal.</summary>
    public static FuzzVerdict SuccessOrProblem(FuzzAnswer answer, int status, string property, string category)
    {
        if (answer.Status != status)
        {
            return Problem(answer);
        }

        return Property(answer, property) is not null ? new FuzzVerdict(category) : FuzzVerdict.Fail($"a {status} without '{property}'");
    }

    /// <summary>The platform's shape: <c>{MaLoi, MoTaLoi, ...}</c>, MaLoi two digits, "00" only with 200, never "99" (the hub's own failure).</summary>
    public static FuzzVerdict PaymentReply(FuzzAnswer answer)
    {
        if (answer.Status >= 500)
        {
            return FuzzVerdict.Fail($"a server error ({answer.Status})");
        }

        if (Property(answer, "MaLoi") is not { Length: 2 } maLoi || !maLoi.All(char.IsAsciiDigit) || Property(answer, "MoTaLoi") is null)
        {
            return FuzzVerdict.Fail("not the platform's reply shape {MaLoi, MoTaLoi, ...}");
        }

        return (answer.Status == 200) == (maLoi == "00") ? new FuzzVerdict($"{answer.Status} MaLoi {maLoi}") : FuzzVerdict.Fail($"MaLoi {maLoi} with HTTP {answer.Status}");
    }

    /// <summary>SOAP: a receipt (200), or a Fault (HTTP 500, as SOAP over HTTP does, or 400 from SoapCore) whose
    /// InboundFault detail names a client error with its code; a refusal before SOAP (a status page) is problem+json.</summary>
    public static FuzzVerdict Soap(FuzzAnswer answer)
    {
        if (answer.Status == 200)
        {
            return answer.Text.Contains("ReceiptId", StringComparison.Ordinal)
                ? new FuzzVerdict(answer.Text.Contains("<Repeated>true</Repeated>", StringComparison.Ordinal) ? "200 repeated" : "200 stored")
                : FuzzVerdict.Fail("a 200 without a receipt");
        }

        if (answer.MediaType is not ("text/xml" or "application/soap+xml"))
        {
            return Problem(answer);
        }

        XElement? detail;
        try
        {
            var envelope = XDocument.Parse(answer.Text);
            if (!envelope.Descendants().Any(e => e.Name.LocalName == "Fault"))
            {
                return FuzzVerdict.Fail($"a {answer.Status} SOAP answer that is neither a receipt nor a Fault");
            }

            detail = envelope.Descendants().FirstOrDefault(e => e.Name.LocalName == "InboundFault");
        }
        catch (XmlException)
        {
            return FuzzVerdict.Fail("a SOAP answer that is not well-formed XML");
        }

        if (detail is null)
        {
            // Every Fault carries its code, also for an envelope the serializer cannot read (invalid_soap_body).
            return FuzzVerdict.Fail("a Fault without an InboundFault detail (no code)");
        }

        var code = detail.Elements().FirstOrDefault(e => e.Name.LocalName == "Code")?.Value;
        var status = detail.Elements().FirstOrDefault(e => e.Name.LocalName == "HttpStatus")?.Value;
        if (string.IsNullOrEmpty(code) || !int.TryParse(status, out var httpStatus) || httpStatus >= 500)
        {
            return FuzzVerdict.Fail($"a Fault for a server error ({code}, {status})");
        }

        return new FuzzVerdict($"{answer.Status} fault {httpStatus} {code}");
    }

    private static string? Property(FuzzAnswer answer, string name)
    {
        try
        {
            using var document = JsonDocument.Parse(answer.Body);
            return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty(name, out var value)
                ? value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
