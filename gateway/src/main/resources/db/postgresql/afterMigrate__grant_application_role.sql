-- PostgreSQL only: after every migration, give the gateway's run-time role exactly what it needs. Flyway runs
-- as the owner of the tables (spring.flyway.user); the gateway connects as ${app_role} (spring.datasource.username).
-- The transfer log, its chain and its checkpoints are append-only for that role: no UPDATE, DELETE or TRUNCATE. The
-- log integrator inserts an entry's place in the chain once and deletes the entry's note in transfer_log_pending;
-- the only row it updates in the log's tables is the chain head. It deletes only a seen_transfer row, to release the transfer
-- id of an inbound message refused before it became a transfer.
-- Enable with spring.flyway.locations=classpath:db/migration,classpath:db/postgresql and
-- spring.flyway.placeholders.app_role=<role>.
GRANT USAGE ON SCHEMA public TO ${app_role};
GRANT SELECT ON flyway_schema_history TO ${app_role};
GRANT SELECT, INSERT, UPDATE ON shedlock TO ${app_role};
GRANT SELECT, INSERT, UPDATE ON transfer TO ${app_role};
GRANT SELECT, INSERT ON sealed_message TO ${app_role};
GRANT SELECT, INSERT ON transfer_receipt TO ${app_role};
GRANT SELECT, INSERT, DELETE ON seen_transfer TO ${app_role};
GRANT SELECT, INSERT ON inbound_receipt TO ${app_role};
GRANT SELECT, INSERT ON transfer_subject TO ${app_role};
GRANT SELECT, INSERT ON transfer_log TO ${app_role};
GRANT SELECT, INSERT ON transfer_log_checkpoint TO ${app_role};
GRANT SELECT, INSERT ON transfer_log_chain TO ${app_role};
GRANT SELECT, INSERT, DELETE ON transfer_log_pending TO ${app_role};
GRANT SELECT, UPDATE ON transfer_log_head TO ${app_role};
GRANT SELECT, INSERT, UPDATE ON unit_notification TO ${app_role};
REVOKE UPDATE, DELETE, TRUNCATE ON transfer_log, transfer_log_chain, transfer_log_checkpoint FROM ${app_role};
