namespace IntegrationHub.Connectors.IGate.Api;

/// <summary>Body of a whole-call error (401, 400...): <c>{"errorCode", "errorMessage"}</c>.</summary>
internal sealed record IGateErrorReply(string? ErrorCode, string? ErrorMessage);
