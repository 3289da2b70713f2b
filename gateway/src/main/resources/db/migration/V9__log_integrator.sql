-- Entries are written with the work they record, outside the hash chain; the log integrator (one at a time,
-- elected by the lock on transfer_log_head) later gives each its chain index, previous hash and entry hash.
-- An entry awaiting integration has a null chain_index.
alter table transfer_log alter column chain_index drop not null;
alter table transfer_log alter column prev_hash drop not null;
alter table transfer_log alter column entry_hash drop not null;
