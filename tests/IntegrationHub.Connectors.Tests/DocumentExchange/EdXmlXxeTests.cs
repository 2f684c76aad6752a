using IntegrationHub.Connectors.DocumentExchange;
using Xunit;

namespace IntegrationHub.Connectors.Tests.DocumentExchange;

/// <summary>An external entity pointing at a local file must not be resolved: the message is refused as a DTD and
/// nothing of the file reaches the error or the result.</summary>
public sealed class EdXmlXxeTests : IDisposable
{
    private const string Secret = "TOP-SECRET-db-password-4f2a";
    private readonly string _secretFile = Path.Combine(Path.GetTempPath(), $"edxml-xxe-{Guid.NewGuid():N}.txt");

    public EdXmlXxeTests() => File.WriteAllText(_secretFile, Secret);

    public void Dispose() => File.Delete(_secretFile);

    [Fact]
    public async Task External_entity_is_dtd_forbidden_and_not_leaked()
    {
        var xml = (await EdXmlSamples.XmlAsync(0))
            .Replace("?>", $"?>\n<!DOCTYPE edXMLEnvelope [ <!ENTITY xxe SYSTEM \"file://{_secretFile}\"> ]>")
            .Replace("<Subject>", "<Subject>&xxe;");

        var error = await EdXmlSamples.ReadFailureAsync(xml);

        Assert.Equal(EdXmlErrorCodes.DtdForbidden, error.Code);
        Assert.DoesNotContain(Secret, error.ToString());
    }

    [Fact]
    public async Task External_entity_in_a_status_message_is_dtd_forbidden()
    {
        var xml = (await EdXmlStatusRoundTripTests.XmlAsync(EdXmlStatusRoundTripTests.Status(EdXmlStatusCode.Done)))
            .Replace("?>", $"?>\n<!DOCTYPE edXMLEnvelope [ <!ENTITY xxe SYSTEM \"file://{_secretFile}\"> ]>")
            .Replace("<Description>", "<Description>&xxe;");

        var error = await Assert.ThrowsAsync<EdXmlException>(() => new EdXmlStatusReader().ReadAsync(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(xml))));

        Assert.Equal(EdXmlErrorCodes.DtdForbidden, error.Code);
        Assert.DoesNotContain(Secret, error.ToString());
    }
}
