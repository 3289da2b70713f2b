-- Signed receipts, the signer certificate in the transfer log, and transfer ids already opened (replay defence).

create table transfer_receipt (
    transfer_id     varchar(36)  primary key references transfer (id),
    content         bytea        not null,
    receipt_sha256  varchar(64)  not null,
    signer_sha256   varchar(64)  not null,
    signer_subject  varchar(500) not null,
    signed_at       timestamp with time zone not null,
    received_at     timestamp with time zone not null,
    stored_at       timestamp with time zone not null
);

alter table transfer_log add column signer_sha256 varchar(64);
alter table transfer_log add column receipt_sha256 varchar(64);

create table seen_transfer (
    transfer_id    varchar(200) primary key,
    sender         varchar(120) not null,
    sealed_sha256  varchar(64)  not null,
    first_seen_at  timestamp with time zone not null
);
