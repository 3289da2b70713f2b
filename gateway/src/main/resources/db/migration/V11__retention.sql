-- Retention (docs/retention.md): when a transfer's sealed copy was deleted (acknowledged and kept long enough,
-- delivered by push, or expired uncollected); by when a mailbox or inbox message must be collected when its
-- agreement flow says (collectWithin; otherwise accord.retention.uncollected-after from created_at); when the
-- sender was warned that it is about to expire. The transfer row, its digests and its log entries stay.
alter table transfer add column purged_at timestamp with time zone;
alter table transfer add column collect_by timestamp with time zone;
alter table transfer add column expiry_warned_at timestamp with time zone;

-- The purge finds what is due without reading every transfer: by status and age, by agreement and age, by age.
create index transfer_status_purged_updated on transfer (status, purged_at, updated_at);
create index transfer_agreement_created on transfer (agreement_id, created_at);
create index transfer_created on transfer (created_at);

-- What a unit's system is told: a transfer available in its inbox, or one it sent that is about to expire uncollected.
alter table unit_notification add column event varchar(32) default 'transfer-available' not null;

-- One row per purge run (whichever gateway ran it): counts only, for the DPO console and GET /api/v1/retention.
create table retention_run (
    id                    bigint generated always as identity primary key,
    gateway               varchar(255) not null,
    started_at            timestamp with time zone not null,
    finished_at           timestamp with time zone not null,
    outcome               varchar(16)  not null,
    warned                integer      not null,
    expired               integer      not null,
    sealed_purged         integer      not null,
    subject_refs_purged   integer      not null,
    idempotency_cleared   integer      not null,
    log_entries_archived  integer      not null,
    archives_written      integer      not null
);
create index retention_run_started on retention_run (started_at);
