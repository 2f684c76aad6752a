namespace IntegrationHub.Contracts;

/// <summary>Marks an <see cref="System.Net.Http.HttpContent"/> that produces its body afresh each time it is
/// serialized (e.g. an e-document streamed from the attachment store). The host's HTTP pipeline sends such content
/// as is on every attempt instead of buffering it for retries, so a 50 MB body never sits in memory.</summary>
public interface IStreamedRequestContent
{
}
