-- Notifications owed to the university's own systems (webhooks), written in the transaction that makes a
-- transfer available in a unit's inbox and sent and retried from here. Ids and status only, never the record.
create table unit_notification (
    id               varchar(36)  primary key,
    transfer_id      varchar(36)  not null references transfer (id),
    unit             varchar(120) not null,
    status           varchar(16)  not null,
    attempts         integer      not null,
    next_attempt_at  timestamp with time zone not null,
    last_code        varchar(64),
    created_at       timestamp with time zone not null,
    updated_at       timestamp with time zone not null,
    row_version      bigint       not null
);

create index unit_notification_due on unit_notification (status, next_attempt_at);
create index unit_notification_transfer on unit_notification (transfer_id);
