-- Evidence bundles with inclusion proofs (issue 15, Certificate-Transparency style): a bundle proves each of its subject's
-- events alone, without the other messages' events of its chain. For that each link keeps the hash it was computed
-- from (prev), and each signed head (statement v2) covers the links linked since the head before it: per chain the
-- range (from, seq], with links_root, the RFC 6962 Merkle root of their leaves, signed. The leaf hashes are kept with
-- the head (32 bytes per link, in (chain, seq) order) so audit paths can be made after retention removed the links.

alter table hub.evidence_links add column prev bytea;

-- Links made before: prev is the hash of the chain's link before (32 zero bytes for the first link; the last hash of a
-- run retention removed when the link before was archived). A link whose predecessor is gone otherwise stays null (the
-- verification reports that gap anyway).
update hub.evidence_links k
set prev = coalesce(
    (select p.hash from hub.evidence_links p where p.chain = k.chain and p.seq = k.seq - 1),
    (select r.last_hash from hub.evidence_retired r where r.chain = k.chain and r.to_seq = k.seq - 1),
    case when k.seq = 1 then '\x0000000000000000000000000000000000000000000000000000000000000000'::bytea end);

-- Heads signed before (statement v1) have no leaves: they still verify, but prove no event in a bundle v2.
alter table hub.evidence_heads add column leaves bytea;
