namespace IntegrationHub.Host.Inbound;

/// <summary>Reads a request body up to a limit. A declared length over it is refused before reading; an undeclared
/// one (chunked) is refused as soon as it passes the limit, so an oversize body never fills memory.</summary>
public static class InboundBodyReader
{
    public static async Task<(byte[]? Body, InboundError? Error)> ReadAsync(HttpRequest request, int limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limit)
        {
            return (null, InboundError.BodyTooLarge(limit));
        }

        var buffer = new byte[request.ContentLength is { } length ? (int)length : Math.Min(limit + 1, 16 * 1024)];
        var filled = 0;
        while (true)
        {
            if (filled == buffer.Length)
            {
                if (request.ContentLength is not null || buffer.Length > limit)
                {
                    // Declared length reached (anything more is the client's error) or the limit passed.
                    if (request.ContentLength is null)
                    {
                        return (null, InboundError.BodyTooLarge(limit));
                    }

                    break;
                }

                Array.Resize(ref buffer, Math.Min(buffer.Length * 2, limit + 1));
            }

            var read = await request.Body.ReadAsync(buffer.AsMemory(filled), cancellationToken);
            if (read == 0)
            {
                break;
            }

            filled += read;
        }

        return (filled == buffer.Length ? buffer : buffer[..filled], null);
    }
}
