-- PostgreSQL only: a transfer-log entry's content never changes, and its place in the hash chain is written once,
-- by the integrator. Whoever updates the table (the application role may update only the three chain columns,
-- see afterMigrate__grant_application_role.sql), an entry already in the chain cannot be moved or rewritten.
create or replace function transfer_log_integrated_once() returns trigger language plpgsql as $$
begin
    if old.chain_index is not null then
        raise exception 'transfer_log entry % is already in the chain at %', old.seq, old.chain_index;
    end if;
    if new.chain_index is null or new.prev_hash is null or new.entry_hash is null then
        raise exception 'transfer_log entry % must be integrated with an index, a previous hash and a hash', old.seq;
    end if;
    if (new.seq, new.entry_id, new.recorded_at, new.transfer_id, new.event, new.outcome, new.code, new.actor, new.sender,
            new.recipient, new.record_type, new.schema_version, new.purpose, new.agreement_id, new.agreement_version,
            new.agreement_sha256, new.fields_shared, new.fields_transformed, new.fields_withheld, new.sealed_sha256,
            new.detail, new.signer_sha256, new.receipt_sha256)
        is distinct from
       (old.seq, old.entry_id, old.recorded_at, old.transfer_id, old.event, old.outcome, old.code, old.actor, old.sender,
            old.recipient, old.record_type, old.schema_version, old.purpose, old.agreement_id, old.agreement_version,
            old.agreement_sha256, old.fields_shared, old.fields_transformed, old.fields_withheld, old.sealed_sha256,
            old.detail, old.signer_sha256, old.receipt_sha256) then
        raise exception 'transfer_log entry % content cannot change', old.seq;
    end if;
    return new;
end
$$;

drop trigger if exists transfer_log_integrated_once on transfer_log;
create trigger transfer_log_integrated_once before update on transfer_log
    for each row execute function transfer_log_integrated_once();
