-- One alert per incident, also when two hosts raise it at once.
create unique index alerts_by_incident on hub.alerts (kind, reference);
