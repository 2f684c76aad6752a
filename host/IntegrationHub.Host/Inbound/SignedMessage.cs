using System.Text.Json;

namespace IntegrationHub.Host.Inbound;

/// <summary>A signed JSON request read and checked: the submission (and, when asked for, its data), or why it was refused.</summary>
public sealed record SignedMessage(InboundSubmission? Submission, JsonElement Data, InboundError? Error);
