using System.Text;
using IntegrationHub.Contracts.Text;
using Microsoft.Net.Http.Headers;

namespace IntegrationHub.Host.Admin;

/// <summary>An admin export as a CSV download: <c>text/csv; charset=utf-8</c> starting with the UTF-8 byte-order mark
/// (without it Excel reads Vietnamese text as ANSI), a header line, then each row as it comes from storage, fields as
/// <see cref="CsvText"/> writes them. Rows are flushed as they go, so no export is held whole in memory; a failure
/// after the first bytes can only cut the download short.</summary>
public sealed class CsvDownload(string fileName, IReadOnlyList<string> header, IAsyncEnumerable<IReadOnlyList<string?>> rows) : IResult
{
    public const string ContentType = "text/csv; charset=utf-8";
    private const int RowsPerFlush = 200;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        var cancellationToken = httpContext.RequestAborted;
        response.ContentType = ContentType;
        response.Headers.CacheControl = "no-store";
        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName(fileName);
        response.Headers.ContentDisposition = disposition.ToString();

        await response.Body.WriteAsync(Encoding.UTF8.Preamble.ToArray(), cancellationToken);
        await using var writer = new StreamWriter(response.Body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 16 * 1024, leaveOpen: true);
        var line = new StringBuilder();
        await writer.WriteAsync(CsvText.AppendLine(line, header), cancellationToken);
        var count = 0;
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            line.Clear();
            await writer.WriteAsync(CsvText.AppendLine(line, row), cancellationToken);
            if (++count % RowsPerFlush == 0)
            {
                await writer.FlushAsync(cancellationToken);
            }
        }

        await writer.FlushAsync(cancellationToken);
    }
}
