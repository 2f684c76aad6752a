using System.Text.RegularExpressions;
using IntegrationHub.Connectors.DocumentExchange;
using Xunit;

namespace IntegrationHub.Connectors.Tests.DocumentExchange;

/// <summary>Each way an envelope can be broken is rejected with its own code. Cases start from a valid document
/// written by <see cref="EdXmlWriter"/> (one attachment, att-0) and break one thing.</summary>
public sealed class EdXmlMalformedTests
{
    private static string Remove(string xml, string element) =>
        Regex.Replace(xml, $"<{element}( [^>]*)?>.*?</{element}>|<{element}( [^>]*)? />", string.Empty, RegexOptions.Singleline);

    private static async Task AssertRejected(string expectedCode, Func<string, string> breakIt, int attachments = 1)
    {
        var xml = breakIt(await EdXmlSamples.XmlAsync(attachments));

        var error = await EdXmlSamples.ReadFailureAsync(xml);

        Assert.Equal(expectedCode, error.Code);
    }

    [Fact]
    public Task Missing_from() => AssertRejected(EdXmlErrorCodes.MissingFrom, xml => Remove(xml, "From"));

    [Fact]
    public Task From_without_organ_id() => AssertRejected(EdXmlErrorCodes.MissingFrom, xml => Regex.Replace(xml, "(<From>\\s*)<OrganId>[^<]*</OrganId>", "$1"));

    [Fact]
    public Task Missing_to() => AssertRejected(EdXmlErrorCodes.MissingTo, xml => Remove(xml, "To"));

    [Fact]
    public Task Missing_document_id() => AssertRejected(EdXmlErrorCodes.MissingDocumentId, xml => Remove(xml, "DocumentId"));

    [Fact]
    public Task Missing_message_header() => AssertRejected(EdXmlErrorCodes.MissingField, xml => Remove(xml, "MessageHeader"));

    [Fact]
    public Task Missing_header() => AssertRejected(EdXmlErrorCodes.MissingField, xml => Remove(xml, "edXMLHeader"));

    [Fact]
    public Task Body_before_header() =>
        AssertRejected(EdXmlErrorCodes.MissingField, xml => Regex.Replace(xml, "(<edXMLHeader>.*?</edXMLHeader>)\\s*(<edXMLBody>.*?</edXMLBody>)", "$2$1", RegexOptions.Singleline));

    [Fact]
    public Task Bad_promulgation_date() => AssertRejected(EdXmlErrorCodes.InvalidValue, xml => xml.Replace("2026-11-28</PromulgationDate>", "28/11/2026</PromulgationDate>"));

    [Theory]
    [InlineData("!!!! not base64 ####")]
    [InlineData("QUJD*")]
    [InlineData("QUJD=QUJD")]
    public Task Bad_base64(string content) =>
        AssertRejected(EdXmlErrorCodes.BadBase64, xml => Regex.Replace(xml, "(<Attachment ContentId=\"att-1\">)[^<]*", $"${{1}}{content}"), attachments: 3);

    [Fact]
    public Task Other_namespace() => AssertRejected(EdXmlErrorCodes.WrongNamespace, xml => xml.Replace("http://www.mic.gov.vn/TBT/QCVN_102_2016", "http://example.org/edxml"));

    [Fact]
    public Task No_namespace() => AssertRejected(EdXmlErrorCodes.WrongNamespace, xml => xml.Replace(" xmlns=\"http://www.mic.gov.vn/TBT/QCVN_102_2016\"", string.Empty));

    [Fact]
    public Task Other_root() => AssertRejected(EdXmlErrorCodes.UnexpectedRoot, xml => xml.Replace("edXMLEnvelope", "Envelope"));

    [Fact]
    public Task Doctype() => AssertRejected(EdXmlErrorCodes.DtdForbidden, xml => xml.Replace("?>", "?>\n<!DOCTYPE edXMLEnvelope []>"));

    [Fact]
    public Task Truncated() => AssertRejected(EdXmlErrorCodes.MalformedXml, xml => xml[..(xml.Length / 2)]);

    [Fact]
    public Task Unclosed_tag_in_header() => AssertRejected(EdXmlErrorCodes.MalformedXml, xml => xml.Replace("</Subject>", "</Subjec>"));

    [Fact]
    public Task Not_xml_at_all() => AssertRejected(EdXmlErrorCodes.MalformedXml, _ => "{\"edXMLEnvelope\": true}");

    [Fact]
    public Task Reference_without_attachment() => AssertRejected(EdXmlErrorCodes.ManifestMismatch, xml => Remove(xml, "Attachment"));

    [Fact]
    public Task Attachment_without_reference() => AssertRejected(EdXmlErrorCodes.ManifestMismatch, xml => Remove(xml, "Reference"));

    [Fact]
    public Task Attachment_before_manifest() =>
        AssertRejected(EdXmlErrorCodes.ManifestMismatch, xml => Regex.Replace(xml, "(<edXMLManifest>.*?</edXMLManifest>)\\s*(<Attachment .*?</Attachment>)", "$2$1", RegexOptions.Singleline));

    [Fact]
    public Task Attachment_twice() =>
        AssertRejected(EdXmlErrorCodes.ManifestMismatch, xml => Regex.Replace(xml, "(<Attachment .*?</Attachment>)", "$1$1", RegexOptions.Singleline));

    [Fact]
    public Task Reference_twice() =>
        AssertRejected(EdXmlErrorCodes.ManifestMismatch, xml => Regex.Replace(xml, "(<Reference>.*?</Reference>)", "$1$1", RegexOptions.Singleline));

    [Fact]
    public async Task Header_errors_are_found_before_any_attachment_is_decoded()
    {
        var xml = Remove(await EdXmlSamples.XmlAsync(3), "DocumentId");
        var opened = 0;

        var error = await Assert.ThrowsAsync<EdXmlException>(() =>
            new EdXmlReader().ReadAsync(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(xml)), _ => { opened++; return Stream.Null; }));

        Assert.Equal(EdXmlErrorCodes.MissingDocumentId, error.Code);
        Assert.Equal(0, opened);
    }

    [Fact]
    public async Task Writer_refuses_what_the_reader_would_reject()
    {
        var envelope = EdXmlSamples.Envelope(0) with { Header = EdXmlSamples.Header() with { To = [] } };

        var error = await Assert.ThrowsAsync<EdXmlException>(() => new EdXmlWriter().WriteAsync(envelope, Stream.Null));

        Assert.Equal(EdXmlErrorCodes.MissingTo, error.Code);
    }
}
