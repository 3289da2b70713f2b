-- Subject references: keyed pseudonyms (HMAC-SHA-256 under a gateway secret) of the identifiers of the person a
-- transfer or refusal is about, so the DPO can answer a subject access request. Never the identifiers themselves.
-- transfer_id is a transfer's id or a refusal's id in transfer_log, so there is no foreign key to transfer.
create table transfer_subject (
    transfer_id  varchar(36) not null,
    subject_ref  varchar(64) not null,
    primary key (transfer_id, subject_ref)
);
create index transfer_subject_ref on transfer_subject (subject_ref);
