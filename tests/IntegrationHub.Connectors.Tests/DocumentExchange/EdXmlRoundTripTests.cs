using IntegrationHub.Connectors.DocumentExchange;
using IntegrationHub.Connectors.DocumentExchange.SandboxFiles;
using Xunit;

namespace IntegrationHub.Connectors.Tests.DocumentExchange;

/// <summary>Write then read gives back every header field, the route and each attachment byte for byte.</summary>
public sealed class EdXmlRoundTripTests
{
    private static readonly IReadOnlyList<EdXmlOrganization> NoRecipients = [];

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(3)]
    public async Task Envelope_round_trips_with_attachments(int attachmentCount)
    {
        var sent = EdXmlSamples.Envelope(attachmentCount);

        var (received, contents) = await EdXmlSamples.ReadAsync(await EdXmlSamples.WriteAsync(sent));

        // Records compare lists by reference, so the To list is compared on its own.
        Assert.Equal(sent.Header with { To = NoRecipients }, received.Header with { To = NoRecipients });
        Assert.Equal(sent.Header.To, received.Header.To);
        Assert.Equal(sent.TraceHeaderList, received.TraceHeaderList);
        Assert.Equal(sent.TraceHeaderList.Select(t => t.Timestamp.Offset), received.TraceHeaderList.Select(t => t.Timestamp.Offset));
        Assert.Equal(sent.Attachments.Select(a => a.Info), received.Attachments.Select(a => a.Info));
        Assert.False(received.HasSignature);
        foreach (var attachment in sent.Attachments)
        {
            using var source = attachment.OpenContent();
            var expected = Sha256Sink.Of(source);
            var actual = contents[attachment.Info.ContentId].ToArray();
            Assert.Equal(expected, EdXmlSamples.Sha256(actual));
            Assert.Equal(actual.Length, received.Attachments.Single(a => a.Info.ContentId == attachment.Info.ContentId).Length);
        }
    }

    [Fact]
    public async Task Optional_fields_left_out_come_back_null()
    {
        var sent = EdXmlSamples.Envelope(0) with
        {
            Header = EdXmlSamples.Header() with
            {
                From = new EdXmlOrganization { OrganId = "000.00.00.H56" },
                SteeringType = null,
                OtherInfo = new EdXmlOtherInfo(),
            },
            TraceHeaderList = [],
        };

        var (received, _) = await EdXmlSamples.ReadAsync(await EdXmlSamples.WriteAsync(sent));

        Assert.Equal(sent.Header.From, received.Header.From);
        Assert.Null(received.Header.SteeringType);
        Assert.Equal(new EdXmlOtherInfo(), received.Header.OtherInfo);
        Assert.Empty(received.TraceHeaderList);
    }

    [Fact]
    public async Task Output_is_in_the_QCVN_102_namespace_with_manifest_before_attachments()
    {
        var xml = await EdXmlSamples.XmlAsync(1);

        Assert.Contains("<edXMLEnvelope xmlns=\"http://www.mic.gov.vn/TBT/QCVN_102_2016\">", xml);
        Assert.True(xml.IndexOf("<edXMLManifest>", StringComparison.Ordinal) < xml.IndexOf("<Attachment ContentId=\"att-0\">", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_signature_element_is_noticed_but_not_required()
    {
        var xml = (await EdXmlSamples.XmlAsync(0)).Replace(
            "</TraceHeaderList>", "</TraceHeaderList><Signature xmlns=\"http://www.w3.org/2000/09/xmldsig#\"><SignedInfo /></Signature>");

        var (received, _) = await EdXmlSamples.ReadAsync(System.Text.Encoding.UTF8.GetBytes(xml));

        Assert.True(received.HasSignature);
    }
}
