namespace IntegrationHub.Connectors.DocumentExchange;

/// <summary>Processing states a recipient reports back; the numeric value is the two-digit wire code.</summary>
public enum EdXmlStatusCode
{
    Arrived = 1,
    Rejected = 2,
    Accepted = 3,
    Assigned = 4,
    Processing = 5,
    Done = 6,
    Recall = 13,
    RecallAccepted = 15,
    Refused = 16,
}
