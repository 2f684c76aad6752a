-- Retention and the evidence log (issue 15 item 6): when a month of history is archived and removed, the links of its
-- log lines go with it (into <ArchiveFolder>/evidence, with their canonical events), so hub.evidence_links shrinks with
-- the history. A chain then has runs of seqs no longer in the table; each run is kept here with the hash of its last
-- link, which the next link was computed from, so the verification goes on across it and knows the gap is retention's,
-- not a delete behind the hub's back. Signed heads (hub.evidence_heads) and keys are never removed.
create table hub.evidence_retired (
    chain int not null,
    from_seq bigint not null,
    to_seq bigint not null,
    last_hash bytea not null,
    archive text not null,
    primary key (chain, from_seq)
);
