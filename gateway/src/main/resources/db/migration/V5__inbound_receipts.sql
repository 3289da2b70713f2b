-- Signed receipts this gateway issued for messages partners pushed to it, by the partner's transfer id, so a
-- repeat of the same message is answered with the original receipt, byte for byte.
create table inbound_receipt (
    partner_transfer_id  varchar(200) primary key,
    sender               varchar(120) not null,
    transfer_id          varchar(36)  not null references transfer (id),
    sealed_sha256        varchar(64)  not null,
    content              bytea        not null,
    receipt_sha256       varchar(64)  not null,
    issued_at            timestamp with time zone not null
);
create index inbound_receipt_transfer on inbound_receipt (transfer_id);
