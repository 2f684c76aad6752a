using System.Text;
using IntegrationHub.Connectors.DocumentExchange;
using Xunit;

namespace IntegrationHub.Connectors.Tests.DocumentExchange;

/// <summary>A body cut short must never pass for a whole document: the writer leaves an attachment source's failure
/// visible as a truncated body (it used to close every open element on dispose, sending a complete envelope with a
/// partial attachment), and the reader reads to the end of its input, so truncation, a transfer failing after the
/// root's end tag, or trailing garbage is an error rather than an accepted document.</summary>
public sealed class EdXmlTruncationTests
{
    public static TheoryData<int, string> Failures() => new()
    {
        { 0, nameof(FileNotFoundException) },
        { 100_000, nameof(InvalidDataException) },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public async Task A_writer_whose_attachment_source_fails_leaves_a_body_no_reader_accepts(int goodBytes, string failure)
    {
        Exception thrown = failure == nameof(FileNotFoundException) ? new FileNotFoundException("no such attachment") : new InvalidDataException("SHA-256 mismatch");
        var sample = EdXmlSamples.Envelope(2);
        var envelope = sample with
        {
            Attachments = [sample.Attachments[0], sample.Attachments[1] with { OpenContent = () => new FailingSource(new byte[goodBytes], thrown) }],
        };
        using var output = new MemoryStream();

        var error = await Assert.ThrowsAnyAsync<Exception>(() => new EdXmlWriter().WriteAsync(envelope, output));

        Assert.Same(thrown, error);
        var written = Encoding.UTF8.GetString(output.ToArray());
        Assert.DoesNotContain("</edXMLEnvelope>", written, StringComparison.Ordinal);
        Assert.Equal(EdXmlErrorCodes.MalformedXml, (await EdXmlSamples.ReadFailureAsync(written)).Code);
    }

    [Fact]
    public async Task A_body_truncated_mid_attachment_is_malformed()
    {
        var xml = await EdXmlSamples.XmlAsync(1);
        var cut = xml.IndexOf("<Attachment ", StringComparison.Ordinal) + 5_000;

        Assert.Equal(EdXmlErrorCodes.MalformedXml, (await EdXmlSamples.ReadFailureAsync(xml[..cut])).Code);
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("<edXMLEnvelope xmlns=\"http://www.mic.gov.vn/TBT/QCVN_102_2016\"/>")]
    [InlineData("\n<!-- fine -->\n</edXMLEnvelope>")]
    public async Task Anything_but_whitespace_and_comments_after_the_envelope_is_malformed(string trailer)
    {
        var xml = await EdXmlSamples.XmlAsync(1);

        Assert.Equal(EdXmlErrorCodes.MalformedXml, (await EdXmlSamples.ReadFailureAsync(xml + trailer)).Code);
    }

    [Fact]
    public async Task Whitespace_and_comments_after_the_envelope_are_accepted()
    {
        var xml = await EdXmlSamples.XmlAsync(1);

        var (envelope, _) = await EdXmlSamples.ReadAsync(Encoding.UTF8.GetBytes(xml + "\n  <!-- sent by iDesk -->\n\n"));

        Assert.Single(envelope.Attachments);
    }

    [Fact]
    public async Task A_transfer_failing_after_the_envelope_end_tag_surfaces_instead_of_being_accepted()
    {
        var xml = Encoding.UTF8.GetBytes(await EdXmlSamples.XmlAsync(1));
        var failure = new IOException("The response ended prematurely.");
        using var body = new FailingSource(xml, failure);

        var error = await Assert.ThrowsAsync<IOException>(() => new EdXmlReader().ReadAsync(body, _ => new MemoryStream()));

        Assert.Same(failure, error);
    }

    [Fact]
    public async Task A_status_message_followed_by_garbage_is_malformed()
    {
        var xml = await EdXmlStatusRoundTripTests.XmlAsync(EdXmlStatusRoundTripTests.Status(EdXmlStatusCode.Arrived)) + "<x/>";

        var error = await Assert.ThrowsAsync<EdXmlException>(() => new EdXmlStatusReader().ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(xml))));

        Assert.Equal(EdXmlErrorCodes.MalformedXml, error.Code);
    }
}
