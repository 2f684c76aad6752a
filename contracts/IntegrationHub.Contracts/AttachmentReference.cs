namespace IntegrationHub.Contracts;

/// <summary>A stored attachment as a message payload refers to it: the bytes stay in the hub's attachment store.</summary>
/// <param name="Id">The store's id, used to open the content.</param>
/// <param name="Sha256">Lower-case hex SHA-256 of the content, checked again when it is read back.</param>
public sealed record AttachmentReference(string Id, string Name, string ContentType, long Length, string Sha256);
