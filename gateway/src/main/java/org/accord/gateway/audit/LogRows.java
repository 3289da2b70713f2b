package org.accord.gateway.audit;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Inserts a transaction's log entries as one JDBC batch, in the order appended, on the transaction's own connection,
 * and notes each as awaiting integration in {@code transfer_log_pending} (the {@link LogIntegrator} gives it its
 * place in the chain).
 * A group commit appends hundreds of entries; one batched statement costs a fraction of as many entity inserts,
 * each of which would also have to read its generated key back.
 */
@Component
class LogRows {

    private static final String INSERT = "insert into transfer_log (entry_id, recorded_at, transfer_id, event, outcome, code, "
            + "actor, sender, recipient, record_type, schema_version, purpose, agreement_id, agreement_version, agreement_sha256, "
            + "fields_shared, fields_transformed, fields_withheld, sealed_sha256, detail, signer_sha256, receipt_sha256"
            + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private static final String PENDING = "insert into transfer_log_pending (entry_id, recorded_at) values (?, ?)";

    private final JdbcTemplate jdbc;

    LogRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void insert(List<TransferLogEntry> entries) {
        List<ChainedEntry> rows = entries.stream().map(TransferLogEntry::unintegrated).toList();
        if (rows.isEmpty()) {
            return;
        }
        jdbc.batchUpdate(INSERT, new BatchPreparedStatementSetter() {
            @Override
            public void setValues(PreparedStatement ps, int i) throws SQLException {
                bind(ps, rows.get(i));
            }

            @Override
            public int getBatchSize() {
                return rows.size();
            }
        });
        jdbc.batchUpdate(PENDING, new BatchPreparedStatementSetter() {
            @Override
            public void setValues(PreparedStatement ps, int i) throws SQLException {
                ps.setString(1, rows.get(i).entryId());
                ps.setObject(2, OffsetDateTime.ofInstant(rows.get(i).recordedAt(), ZoneOffset.UTC));
            }

            @Override
            public int getBatchSize() {
                return rows.size();
            }
        });
    }

    private static void bind(PreparedStatement ps, ChainedEntry e) throws SQLException {
        ps.setString(1, e.entryId());
        ps.setObject(2, OffsetDateTime.ofInstant(e.recordedAt(), ZoneOffset.UTC));
        ps.setString(3, e.transferId());
        ps.setString(4, e.event());
        ps.setString(5, e.outcome());
        ps.setString(6, e.code());
        ps.setString(7, e.actor());
        ps.setString(8, e.sender());
        ps.setString(9, e.recipient());
        ps.setString(10, e.recordType());
        setInteger(ps, 11, e.schemaVersion());
        ps.setString(12, e.purpose());
        ps.setString(13, e.agreementId());
        setInteger(ps, 14, e.agreementVersion());
        ps.setString(15, e.agreementSha256());
        ps.setString(16, e.fieldsShared());
        ps.setString(17, e.fieldsTransformed());
        ps.setString(18, e.fieldsWithheld());
        ps.setString(19, e.sealedSha256());
        ps.setString(20, e.detail());
        ps.setString(21, e.signerSha256());
        ps.setString(22, e.receiptSha256());
    }

    private static void setInteger(PreparedStatement ps, int index, Integer value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.INTEGER);
        }
        else {
            ps.setInt(index, value);
        }
    }
}
