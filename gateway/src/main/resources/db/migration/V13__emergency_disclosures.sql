-- Emergency disclosures (docs/emergency.md): one review row per disclosure, written in the transaction that stores
-- the transfer, for the DPO to complete within accord.emergency.review-within. risk is the scrubbed text only.
create table emergency_review (
    transfer_id        varchar(36)   primary key,
    sender             varchar(120)  not null,
    recipient          varchar(120)  not null,
    record_type        varchar(64)   not null,
    schema_version     integer       not null,
    purpose            varchar(120)  not null,
    basis              varchar(64)   not null,
    authorised_by      varchar(300)  not null,
    risk               varchar(4000) not null,
    fields_shared      varchar(4000) not null,
    created_at         timestamp with time zone not null,
    due_at             timestamp with time zone not null,
    status             varchar(16)   not null,
    note               varchar(2000),
    reportable_breach  boolean,
    reviewed_by        varchar(120),
    reviewed_at        timestamp with time zone,
    row_version        bigint        not null
);

create index emergency_review_status_due on emergency_review (status, due_at);
