-- Locks of the jobs that run on one gateway at a time when several share this database (ShedLock's table, see
-- the cluster package): one row per job, lock_until and locked_at in the database's own clock (UTC), so gateways
-- whose clocks disagree still agree on when a lock ends. Names and no personal data.
create table shedlock (
    name        varchar(64)  not null primary key,
    lock_until  timestamp    not null,
    locked_at   timestamp    not null,
    locked_by   varchar(255) not null
);
