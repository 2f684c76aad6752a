-- Since 0030 the claim, "anything due?" and the sweeps' pairs read hub.open_deliveries, and the append's "is this record
-- already open?" probes read it too (MessageStore): the pending index of every monthly partition of hub.deliveries is
-- read by nothing and only costs each delivery's inserts and status changes an index write. Dropping the partitioned
-- index drops the partitions' indexes attached to it (an upgraded database's legacy one included); the "if exists" of
-- the legacy name covers a database whose legacy index was never attached.
drop index if exists hub.deliveries_pending;
drop index if exists hub.deliveries_legacy_pending;
