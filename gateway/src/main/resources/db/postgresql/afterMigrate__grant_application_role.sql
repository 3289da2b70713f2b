-- PostgreSQL only: after every migration, give the gateway's run-time role exactly what it needs. Flyway runs
-- as the owner of the tables (spring.flyway.user); the gateway connects as ${app_role} (spring.datasource.username).
-- The transfer log, its chain and its checkpoints are append-only for that role: no UPDATE, DELETE or TRUNCATE. The
-- log integrator inserts an entry's place in the chain once and deletes the entry's note in transfer_log_pending;
-- the only row it updates in the log's tables is the chain head. It deletes only a seen_transfer row, to release the transfer
-- id of an inbound message refused before it became a transfer. Retention (docs/retention.md) deletes sealed copies and
-- subject references, and archives the log's oldest segment through accord_prune_transfer_log, a function owned by
-- the owner that removes only a prefix of the chain ending at a signed checkpoint: the role itself still cannot delete
-- or change any entry.
-- Enable with spring.flyway.locations=classpath:db/migration,classpath:db/postgresql and
-- spring.flyway.placeholders.app_role=<role>.
GRANT USAGE ON SCHEMA public TO ${app_role};
GRANT SELECT ON flyway_schema_history TO ${app_role};
GRANT SELECT, INSERT, UPDATE ON shedlock TO ${app_role};
GRANT SELECT, INSERT, UPDATE ON transfer TO ${app_role};
GRANT SELECT, INSERT, DELETE ON sealed_message TO ${app_role};
GRANT SELECT, INSERT ON transfer_receipt TO ${app_role};
GRANT SELECT, INSERT, DELETE ON seen_transfer TO ${app_role};
GRANT SELECT, INSERT ON inbound_receipt TO ${app_role};
GRANT SELECT, INSERT, DELETE ON transfer_subject TO ${app_role};
GRANT SELECT, INSERT ON transfer_log TO ${app_role};
GRANT SELECT, INSERT ON transfer_log_checkpoint TO ${app_role};
GRANT SELECT, INSERT ON transfer_log_chain TO ${app_role};
GRANT SELECT, INSERT, DELETE ON transfer_log_pending TO ${app_role};
GRANT SELECT, UPDATE ON transfer_log_head TO ${app_role};
GRANT SELECT, INSERT, UPDATE ON unit_notification TO ${app_role};
GRANT SELECT, INSERT ON retention_run TO ${app_role};
GRANT SELECT, INSERT, UPDATE ON emergency_review TO ${app_role};
REVOKE UPDATE, DELETE, TRUNCATE ON transfer_log, transfer_log_chain, transfer_log_checkpoint FROM ${app_role};

-- Removes the chain's entries up to and including up_to, which must be the index of a signed checkpoint (the anchor the
-- retained chain is then verified from), and the checkpoints before it. Runs with the owner's rights.
CREATE OR REPLACE FUNCTION accord_prune_transfer_log(up_to bigint) RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
    removed bigint;
BEGIN
    IF NOT EXISTS (SELECT 1 FROM transfer_log_checkpoint WHERE chain_index = up_to) THEN
        RAISE EXCEPTION 'no signed checkpoint at entry %', up_to;
    END IF;
    WITH gone AS (DELETE FROM transfer_log_chain WHERE chain_index <= up_to RETURNING entry_seq)
        DELETE FROM transfer_log WHERE seq IN (SELECT entry_seq FROM gone);
    GET DIAGNOSTICS removed = ROW_COUNT;
    DELETE FROM transfer_log_checkpoint WHERE chain_index < up_to;
    RETURN removed;
END;
$$;
REVOKE ALL ON FUNCTION accord_prune_transfer_log(bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION accord_prune_transfer_log(bigint) TO ${app_role};
