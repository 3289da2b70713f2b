-- The hash chain moves out of the entries. An entry is written with the work it records (transfer_log stays
-- insert-only) and noted in transfer_log_pending; the log integrator, one at a time across gateways (elected by the
-- lock on transfer_log_head), later gives it its place in transfer_log_chain and removes the note, in one
-- transaction. A place is written once: the chain is insert-only too, and an entry has at most one place.
create table transfer_log_chain (
    chain_index  bigint       primary key,
    entry_seq    bigint       not null unique references transfer_log (seq),
    prev_hash    varchar(64)  not null,
    entry_hash   varchar(64)  not null
);

insert into transfer_log_chain (chain_index, entry_seq, prev_hash, entry_hash)
    select chain_index, seq, prev_hash, entry_hash from transfer_log;

alter table transfer_log drop column chain_index;
alter table transfer_log drop column prev_hash;
alter table transfer_log drop column entry_hash;

-- In the order written: a pass takes the oldest notes by id, an index scan with no sort however many wait.
create table transfer_log_pending (
    id           bigint generated always as identity primary key,
    entry_id     varchar(36)  not null unique,
    recorded_at  timestamp with time zone not null
);
