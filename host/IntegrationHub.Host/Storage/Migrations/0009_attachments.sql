-- E-document attachments, kept out of message payloads (which hold only references to them): chunks of at most
-- 1 MiB each so no single value is large, the SHA-256 of the whole checked again when it is read back.
create table hub.attachments (
    id uuid primary key,
    name text not null,
    content_type text not null,
    length bigint,
    sha256 text,
    created_at timestamptz not null,
    completed_at timestamptz
);
create index attachments_incomplete on hub.attachments (created_at) where completed_at is null;

create table hub.attachment_chunks (
    attachment_id uuid not null references hub.attachments (id) on delete cascade,
    chunk_index int not null,
    data bytea not null,
    primary key (attachment_id, chunk_index)
);
-- Attachments are mostly PDFs and images, already compressed: do not spend CPU on TOAST compression.
alter table hub.attachment_chunks alter column data set storage external;
