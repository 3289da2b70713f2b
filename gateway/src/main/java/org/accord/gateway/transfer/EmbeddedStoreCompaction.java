package org.accord.gateway.transfer;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

import javax.sql.DataSource;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the embedded H2 database's file from growing without end. The gateway runs H2 with {@code WRITE_DELAY=0}
 * so that a commit is on disk before its {@code 202}; H2 then runs no background writer, and the background writer
 * is what rewrites H2's partly empty chunks. Every commit writes a new chunk, so without that rewriting the file
 * fills with chunks holding a few live pages each, and it grows by far more than the data (about 170 KB a
 * transfer, measured), whatever retention deletes.
 * <p>
 * Every {@code accord.storage.h2-compact-every} this job asks H2's store to rewrite the live pages of its emptiest
 * chunks ({@link MVStore#compact(int, int)}, the call H2's own background writer makes), a few megabytes at a time
 * under the store's lock, for at most {@code accord.storage.h2-compact-max-time}; chunks left empty are then reused
 * by later commits. Commits wait for one step at most. It does nothing on PostgreSQL, where autovacuum does this
 * work. Each gateway compacts its own file: an embedded database has one gateway.
 */
@Component
public class EmbeddedStoreCompaction {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedStoreCompaction.class);

    /** Rewrite chunks while the live share of the file's chunks is below this percentage. */
    static final int TARGET_FILL_RATE = 80;

    /** Bytes rewritten under the store's lock in one step: commits wait for one step at most. */
    static final int STEP_BYTES = 2 * 1024 * 1024;

    private final DataSource dataSource;
    private final Duration maxTime;
    private final Counter rewrites;
    private volatile Boolean embedded;

    EmbeddedStoreCompaction(DataSource dataSource, MeterRegistry meters,
            @Value("${accord.storage.h2-compact-max-time:PT2S}") Duration maxTime) {
        this.dataSource = dataSource;
        this.maxTime = maxTime;
        this.rewrites = Counter.builder("accord.storage.compaction.steps")
                .description("Steps in which the embedded database rewrote partly empty chunks")
                .register(meters);
    }

    @Scheduled(fixedDelayString = "${accord.storage.h2-compact-every:PT1M}",
            initialDelayString = "${accord.storage.h2-compact-every:PT1M}")
    void scheduled() {
        try {
            compact();
        }
        catch (RuntimeException | SQLException ex) {
            log.warn("Compaction of the embedded database failed: {}", ex.getClass().getSimpleName());
        }
    }

    /**
     * Rewrites the embedded store's emptiest chunks until their fill rate reaches the target, the time is up or
     * nothing is left to rewrite.
     *
     * @return the steps that rewrote something; 0 on PostgreSQL or when the store is already full enough
     */
    public int compact() throws SQLException {
        if (Boolean.FALSE.equals(embedded)) {
            return 0;
        }
        try (Connection connection = dataSource.getConnection()) {
            if (!connection.isWrapperFor(JdbcConnection.class)) {
                embedded = false;
                return 0;
            }
            if (!(connection.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal session)) {
                embedded = false;
                return 0;
            }
            embedded = true;
            MVStore store = session.getDatabase().getStore().getMvStore();
            if (store.getFileStore() == null) {
                return 0;
            }
            long deadline = System.nanoTime() + maxTime.toNanos();
            int steps = 0;
            while (System.nanoTime() < deadline && store.compact(TARGET_FILL_RATE, STEP_BYTES)) {
                steps++;
            }
            rewrites.increment(steps);
            if (steps > 0) {
                log.debug("Embedded database compacted in {} steps; chunks now {}% full", steps,
                        store.getFileStore().getChunksFillRate());
            }
            return steps;
        }
    }
}
