namespace IntegrationHub.Connectors.NationalPortal.Mapping;

/// <summary>Why a payload cannot be mapped; thrown by <see cref="IGatePayload"/> and turned into a result by the mappers,
/// so the field readers stay one-liners instead of threading an error through every call.</summary>
internal sealed class MappingException(string message) : Exception(message);
