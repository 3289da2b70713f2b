package org.accord.gateway.storage;

import java.sql.Connection;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.springframework.core.Ordered;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.PreparedStatementCallback;
import org.springframework.jdbc.core.StatementCreatorUtils;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Rows a transaction inserts, gathered and written together just before it commits (after every other
 * before-commit step, which may add more), in the order their tables were first added to.
 * <p>
 * On PostgreSQL they go as one statement of several inserts, one multi-row insert a table: one round trip to the
 * database for all of a group commit's rows (its transfers, sealed messages, subject references, log entries and
 * their notes awaiting integration), where a JDBC batch a table cost a round trip each. Each round trip waits for a
 * database backend to be scheduled, and on busy cores those waits were most of a group commit's time
 * (docs/benchmarks-round-trips.md). On other databases (the embedded H2, in the gateway's own
 * process) each table is one JDBC batch.
 * <p>
 * A failed insert (a unique key clash) fails the transaction's commit as a direct insert would, with Spring's
 * translated exception. Rows are visible to the transaction's own reads only once written: a reader calls
 * {@link #flush} first. Outside a transaction, or after the transaction's rows were written for its commit, a row
 * is inserted at once.
 */
@Component
public class PendingInserts {

    /** PostgreSQL's bind message counts parameters in 16 bits: an insert stays well under. */
    private static final int MAX_PARAMETERS = 30_000;

    private final JdbcTemplate jdbc;
    private final DataSource dataSource;
    private volatile Boolean postgres;

    public PendingInserts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.dataSource = jdbc.getDataSource();
    }

    /** Adds a row to the current transaction's inserts; {@code values} are in the order of the insert's columns. */
    public void add(InsertInto into, Object... values) {
        if (values.length != into.width()) {
            throw new IllegalArgumentException(into + " has " + into.width() + " columns, not " + values.length);
        }
        Object[] row = values.clone();
        for (int i = 0; i < row.length; i++) {
            if (row[i] instanceof Instant instant) {
                row[i] = OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
            }
        }
        Pending pending = pending();
        if (pending == null) {
            write(Map.of(into, List.<Object[]>of(row)));
            return;
        }
        pending.rows.computeIfAbsent(into, t -> new ArrayList<>()).add(row);
    }

    /** Writes the current transaction's rows now, before its own reads of them. */
    public void flush() {
        if (inTransaction()) {
            Pending pending = (Pending) TransactionSynchronizationManager.getResource(key());
            if (pending != null) {
                pending.write();
            }
        }
    }

    /** An actual transaction with synchronisation: where rows can wait for the commit. */
    private static boolean inTransaction() {
        return TransactionSynchronizationManager.isSynchronizationActive() && TransactionSynchronizationManager.isActualTransactionActive();
    }

    private Pending pending() {
        if (!inTransaction()) {
            return null;
        }
        Key key = key();
        Pending pending = (Pending) TransactionSynchronizationManager.getResource(key);
        if (pending != null) {
            return pending.committing ? null : pending;
        }
        Pending fresh = new Pending();
        TransactionSynchronizationManager.bindResource(key, fresh);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void beforeCommit(boolean readOnly) {
                fresh.write();
                fresh.committing = true;
            }

            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(key);
            }

            // After every other step before the commit, so that a row any of them adds is written with the rest.
            @Override
            public int getOrder() {
                return Ordered.LOWEST_PRECEDENCE;
            }
        });
        return fresh;
    }

    /** Keyed by the transaction's own connection: a transaction begun inside another writes its own rows. */
    private Key key() {
        return new Key(DataSourceUtils.getConnection(dataSource));
    }

    private void write(Map<InsertInto, List<Object[]>> rows) {
        if (rows.isEmpty()) {
            return;
        }
        if (isPostgres()) {
            writeAsOneStatement(rows);
        }
        else {
            rows.forEach((into, list) -> jdbc.batchUpdate(into.sql(1), list, into.types()));
        }
    }

    private void writeAsOneStatement(Map<InsertInto, List<Object[]>> rows) {
        StringBuilder sql = new StringBuilder();
        rows.forEach((into, list) -> {
            int perInsert = Math.max(1, MAX_PARAMETERS / into.width());
            for (int from = 0; from < list.size(); from += perInsert) {
                sql.append(sql.isEmpty() ? "" : ";\n").append(into.sql(Math.min(perInsert, list.size() - from)));
            }
        });
        jdbc.execute(sql.toString(), (PreparedStatementCallback<Void>) ps -> {
            int index = 1;
            for (Map.Entry<InsertInto, List<Object[]>> table : rows.entrySet()) {
                int[] types = table.getKey().types();
                for (Object[] row : table.getValue()) {
                    for (int i = 0; i < row.length; i++) {
                        StatementCreatorUtils.setParameterValue(ps, index++, types[i], row[i]);
                    }
                }
            }
            ps.execute();
            return null;
        });
    }

    private boolean isPostgres() {
        Boolean known = postgres;
        if (known == null) {
            known = jdbc.execute((Connection c) -> "PostgreSQL".equals(c.getMetaData().getDatabaseProductName()));
            postgres = known;
        }
        return known;
    }

    /** A transaction's rows not yet written. */
    private final class Pending {

        final Map<InsertInto, List<Object[]>> rows = new LinkedHashMap<>();
        boolean committing;

        void write() {
            if (!rows.isEmpty()) {
                PendingInserts.this.write(rows);
                rows.clear();
            }
        }
    }

    private record Key(Connection connection) {
    }
}
