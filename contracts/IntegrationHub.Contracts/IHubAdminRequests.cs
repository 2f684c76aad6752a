using Microsoft.AspNetCore.Http;

namespace IntegrationHub.Contracts;

/// <summary>How the engine's admin APIs take a request and refuse one, offered (from the host's services) to module
/// endpoints so theirs answer alike.</summary>
public interface IHubAdminRequests
{
    /// <summary>Reads a small JSON body strictly: <c>application/json</c>, at most <paramref name="maxBytes"/> (an
    /// oversize body is refused without being read whole), the text checked and put in NFC, unknown fields refused.</summary>
    /// <param name="shape">What to send, named in the <c>malformed_json</c> message, e.g. <c>{"reason": "..."}</c>.</param>
    /// <returns>The body, or the problem to answer (codes <c>unsupported_media_type</c>, <c>body_too_large</c>,
    /// <c>malformed_json</c>, <c>invalid_text</c>, <c>duplicate_field</c>).</returns>
    Task<(T? Body, IResult? Problem)> ReadJsonAsync<T>(HttpContext context, int maxBytes, string shape, CancellationToken cancellationToken);

    /// <summary>An application/problem+json answer with its machine-readable <c>code</c>.</summary>
    IResult Problem(int status, string code, string title, string detail);

    /// <summary>A CSV download as every admin export is written (<c>text/csv; charset=utf-8</c> with a byte-order mark,
    /// RFC 4180 quoting, cells a spreadsheet would run as a formula defused, see <see cref="Text.CsvText"/>), streamed:
    /// each row is written as it is read. Mask personal data in the rows as on screen.</summary>
    /// <param name="fileName">The download's name, e.g. <c>tra-cuu-cong-dan.csv</c>.</param>
    IResult Csv(string fileName, IReadOnlyList<string> header, IAsyncEnumerable<IReadOnlyList<string?>> rows);
}
