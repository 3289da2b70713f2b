-- Accord core tables. Personal data never enters transfer_log: only ids, codes, field names and digests.
-- transfer_log is append-only and hash-chained: each entry's hash covers its content and the previous hash.

create table transfer (
    id                 varchar(36)  primary key,
    sender             varchar(120) not null,
    recipient          varchar(120) not null,
    record_type        varchar(64)  not null,
    schema_version     integer      not null,
    purpose            varchar(120) not null,
    direction          varchar(16)  not null,
    agreement_id       varchar(120) not null,
    agreement_version  integer      not null,
    agreement_sha256   varchar(64)  not null,
    channel            varchar(16)  not null,
    status             varchar(16)  not null,
    sealed_sha256      varchar(64)  not null,
    signer_sha256      varchar(64)  not null,
    sealed_size        integer      not null,
    idempotency_key    varchar(200),
    request_sha256     varchar(64)  not null,
    created_at         timestamp with time zone not null,
    updated_at         timestamp with time zone not null,
    row_version        bigint       not null
);

create unique index transfer_idempotency on transfer (sender, idempotency_key);
create index transfer_recipient_status on transfer (recipient, status);
create index transfer_status_created on transfer (status, created_at);

create table sealed_message (
    transfer_id  varchar(36) primary key references transfer (id),
    content      bytea       not null
);

create table transfer_log (
    seq                bigint generated always as identity primary key,
    entry_id           varchar(36)  not null unique,
    recorded_at        timestamp with time zone not null,
    transfer_id        varchar(36),
    event              varchar(32)  not null,
    outcome            varchar(16)  not null,
    code               varchar(64),
    actor              varchar(120) not null,
    sender             varchar(120),
    recipient          varchar(120),
    record_type        varchar(64),
    schema_version     integer,
    purpose            varchar(120),
    agreement_id       varchar(120),
    agreement_version  integer,
    agreement_sha256   varchar(64),
    fields_shared      varchar(4000),
    fields_transformed varchar(4000),
    fields_withheld    varchar(4000),
    sealed_sha256      varchar(64),
    detail             varchar(500),
    chain_index        bigint       not null unique,
    prev_hash          varchar(64)  not null,
    entry_hash         varchar(64)  not null
);

create index transfer_log_transfer on transfer_log (transfer_id);

-- The head of the hash chain: one row, locked by every append so that concurrent writers, in one gateway
-- or several, extend one chain.
create table transfer_log_head (
    id           integer      primary key,
    chain_index  bigint       not null,
    head_hash    varchar(64)  not null
);
insert into transfer_log_head (id, chain_index, head_hash)
values (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

-- Signed checkpoints of the chain head.
create table transfer_log_checkpoint (
    id                 bigint generated always as identity primary key,
    chain_index        bigint       not null,
    head_hash          varchar(64)  not null,
    created_at         timestamp with time zone not null,
    signature_algorithm varchar(32) not null,
    signature          bytea        not null,
    signer_certificate bytea        not null
);
create index transfer_log_checkpoint_index on transfer_log_checkpoint (chain_index);
create index transfer_log_recorded on transfer_log (recorded_at);
