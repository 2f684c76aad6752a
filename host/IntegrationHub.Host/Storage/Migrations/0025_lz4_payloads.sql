-- Message payloads (a procedure is ~2.3 kB of JSON) pass PostgreSQL's 2 kB TOAST threshold, so every stored message is
-- compressed, and decompressed again when its delivery is claimed. pglz, the default, costs several times lz4's CPU for
-- about the same size: a bulk pull spent a good part of its database time compressing. Only rows written from now on
-- are compressed with lz4; older ones stay readable as they are. Set on the table and on each partition it has (a
-- partitioned table passes it to partitions created later, not to those it has). A server built without lz4 keeps pglz.
do $$
declare
    part regclass;
begin
    -- pg_partition_tree lists nothing for a table that is not partitioned.
    for part in select 'hub.messages'::regclass union select relid from pg_partition_tree('hub.messages') loop
        execute format('alter table %s alter column payload set compression lz4', part);
    end loop;
exception
    when feature_not_supported then
        raise notice 'This PostgreSQL has no lz4: message payloads stay compressed with pglz.';
end $$;
