namespace IntegrationHub.Host.Http;

/// <summary>The machine-readable <c>code</c> of a problem that no endpoint named: one per HTTP status.</summary>
public static class ProblemCodes
{
    public const string InternalError = "internal_error";

    public static string ForStatus(int status) => status switch
    {
        400 => "bad_request",
        401 => "unauthorized",
        403 => "forbidden",
        404 => "not_found",
        405 => "method_not_allowed",
        406 => "not_acceptable",
        408 => "request_timeout",
        409 => "conflict",
        411 => "length_required",
        413 => "body_too_large",
        414 => "uri_too_long",
        415 => "unsupported_media_type",
        429 => "too_many_requests",
        431 => "headers_too_large",
        500 => InternalError,
        501 => "not_implemented",
        502 => "bad_gateway",
        503 => "service_unavailable",
        504 => "gateway_timeout",
        _ => $"http_{status}",
    };

    /// <summary>A sentence for a person reading the answer.</summary>
    public static string Describe(int status) => status switch
    {
        400 => "The request is not one the hub can read.",
        401 => "This needs a login (HTTP Basic) or the partner's signature.",
        403 => "This login may not do that.",
        404 => "The hub has nothing at this address.",
        405 => "This address does not take this HTTP method.",
        413 => "The body is larger than the hub accepts here.",
        415 => "The hub does not read this Content-Type here.",
        429 => "Too many requests; wait as Retry-After says.",
        _ when status >= 500 => "The hub could not answer this request now.",
        _ => $"HTTP {status}.",
    };
}
