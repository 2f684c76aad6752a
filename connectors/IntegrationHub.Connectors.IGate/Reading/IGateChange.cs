using IntegrationHub.Connectors.Kit;
using IntegrationHub.Contracts;

namespace IntegrationHub.Connectors.IGate.Reading;

/// <summary>One item of a change feed, read: its record and the cursor just after it.</summary>
internal sealed record IGateChange(SourceRecord Record, TimestampCursor Cursor);
