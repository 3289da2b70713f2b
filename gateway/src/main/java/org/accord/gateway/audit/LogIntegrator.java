package org.accord.gateway.audit;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Orders committed transfer-log entries into the hash chain, as a tamper-evident log's sequencer does (Trillian's
 * log signer is the model). Entries are written with the work they record and no lock on the chain, each noted in
 * {@code transfer_log_pending}; the integrator takes the noted entries in the order they were written, gives each the
 * next chain index, the previous entry's hash and its own hash in {@code transfer_log_chain} (insert-only), removes
 * the notes and advances the chain head, in one transaction. The lock on the chain head row elects one integrator at
 * a time across every gateway sharing the database: another gateway's integrator waits for it, and the role passes on
 * by itself when a gateway dies (its transaction ends with its connection). Each gateway runs one, every
 * {@code accord.audit.integrate-every}; the delay from an entry's writing to its place in the chain is the metric
 * {@code accord_log_integration_delay_seconds}.
 */
@Component
public class LogIntegrator implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LogIntegrator.class);

    private static final String COLUMNS = "e.seq, e.entry_id, e.recorded_at, e.transfer_id, e.event, e.outcome, e.code, e.actor, "
            + "e.sender, e.recipient, e.record_type, e.schema_version, e.purpose, e.agreement_id, e.agreement_version, e.agreement_sha256, "
            + "e.fields_shared, e.fields_transformed, e.fields_withheld, e.sealed_sha256, e.detail, e.signer_sha256, e.receipt_sha256";

    /** The oldest notes first (by the note's own key, so no sort of everything waiting), each joined to its entry. */
    private static final String UNINTEGRATED = "select p.id as note_id, " + COLUMNS + " from (select id, entry_id from transfer_log_pending "
            + "order by id fetch first ? rows only) p join transfer_log e on e.entry_id = p.entry_id order by p.id";

    /** An entry's place: insert-only, and the keys refuse a second place for an entry or a second entry for a place. */
    private static final String PLACE = "insert into transfer_log_chain (chain_index, entry_seq, prev_hash, entry_hash) values (?, ?, ?, ?)";

    /** A pass's notes, gone in one statement (one execution, where a statement a note cost the database one each). */
    private static final String PLACED = "delete from transfer_log_pending where id = any(?)";

    private static final String WAITING = "select count(*), min(recorded_at) from transfer_log_pending";

    private static final Duration RECOUNT_EVERY = Duration.ofSeconds(5);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final ChainHeadRepository heads;
    private final Clock clock;
    private final int batch;
    private final Duration every;
    private final Timer delay;
    private final boolean postgres;
    private final AtomicReference<Pass> lastPass = new AtomicReference<>();

    private volatile boolean running;
    private volatile Counted lastCount;
    private Thread worker;

    public LogIntegrator(JdbcTemplate jdbc, PlatformTransactionManager transactions, ChainHeadRepository heads, Clock clock,
            MeterRegistry meters, @Value("${accord.audit.integrate-batch:1000}") int batch,
            @Value("${accord.audit.integrate-every:PT0.05S}") Duration every) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactions);
        this.heads = heads;
        this.clock = clock;
        this.batch = batch;
        this.every = every;
        this.postgres = Boolean.TRUE.equals(jdbc.execute((java.sql.Connection connection) ->
                connection.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres")));
        this.delay = Timer.builder("accord.log.integration.delay")
                .description("Time from a transfer-log entry's writing to its place in the hash chain")
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofMinutes(5))
                .register(meters);
        Gauge.builder("accord.log.integration.waiting", this, LogIntegrator::waitingForGauge)
                .description("Transfer-log entries written and not yet in the hash chain (counted at most every 5 s)").register(meters);
    }

    /**
     * Integrates up to one batch of the entries waiting, in a transaction holding the chain head's lock (waiting for
     * another gateway's integrator if it holds it). Returns how many entries it placed.
     */
    public int integrateOnce() {
        Integer placed = transactions.execute(status -> {
            ChainHead head = heads.lockHead().orElseThrow(() -> new IllegalStateException("The transfer log has no chain head"));
            List<Unintegrated> waiting = jdbc.query(UNINTEGRATED, LogIntegrator::unintegrated, batch);
            if (waiting.isEmpty()) {
                return 0;
            }
            if (postgres) {
                // The entries are durable already, and a pass is all or nothing: one lost in a crash leaves its entries
                // noted, and the next pass places them again. So a pass does not wait for its own write to disk,
                // which would double the commits the database must flush. A checkpoint's commit does wait, and
                // flushes every pass before it (PostgreSQL writes its log in order).
                jdbc.execute("set local synchronous_commit to off");
            }
            long index = head.chainIndex();
            String previous = head.headHash();
            List<Place> places = new ArrayList<>(waiting.size());
            Instant now = clock.instant();
            Duration longest = Duration.ZERO;
            for (Unintegrated entry : waiting) {
                index++;
                String hash = LogChain.hash(entry.members().placed(index, previous));
                places.add(new Place(index, entry.seq(), previous, hash));
                previous = hash;
                Duration waited = Duration.between(entry.members().recordedAt(), now);
                delay.record(waited);
                longest = waited.compareTo(longest) > 0 ? waited : longest;
            }
            jdbc.batchUpdate(PLACE, places, places.size(), (ps, place) -> {
                ps.setLong(1, place.index());
                ps.setLong(2, place.seq());
                ps.setString(3, place.previousHash());
                ps.setString(4, place.hash());
            });
            Object[] notes = waiting.stream().map(Unintegrated::note).toArray();
            int removed = jdbc.update(connection -> {
                PreparedStatement delete = connection.prepareStatement(PLACED);
                delete.setArray(1, connection.createArrayOf("bigint", notes));
                return delete;
            });
            // Fewer: another integrator placed an entry, which the head's lock rules out: refuse rather than fork the chain.
            if (removed != waiting.size()) {
                throw new IllegalStateException("A transfer-log entry was integrated by someone else while the head was locked");
            }
            head.advance(index, previous);
            lastPass.set(new Pass(now, waiting.size(), longest, index));
            return waiting.size();
        });
        return placed == null ? 0 : placed;
    }

    /** Integrates everything committed so far (for a verification or an export that must see every entry). */
    public void integrateAll() {
        for (int passes = 0; passes < 10_000 && integrateOnce() >= batch; passes++) {
            // another full batch may wait
        }
    }

    /** How many entries wait for integration now, and since when the oldest has. */
    public Waiting waiting() {
        return jdbc.queryForObject(WAITING, (rs, row) -> {
            OffsetDateTime oldest = rs.getObject(2, OffsetDateTime.class);
            return new Waiting(rs.getLong(1), oldest == null ? null : oldest.toInstant());
        });
    }

    /** The waiting count for the gauge: one count per {@link #RECOUNT_EVERY} however often it is scraped. */
    private double waitingForGauge() {
        long now = System.nanoTime();
        Counted last = lastCount;
        if (last == null || now - last.at() > RECOUNT_EVERY.toNanos()) {
            last = new Counted(now, waiting().entries());
            lastCount = last;
        }
        return last.entries();
    }

    private record Counted(long at, long entries) {
    }

    /** What waits now, this gateway's last pass that placed entries, and the longest delay of the last minutes. */
    public Status status() {
        return new Status(waiting(), lastPass.get(), Duration.ofNanos((long) delay.max(TimeUnit.NANOSECONDS)));
    }

    private void run() {
        int failures = 0;
        while (running) {
            int placed = 0;
            try {
                placed = integrateOnce();
                failures = 0;
            }
            catch (RuntimeException e) {
                failures++;
                log.warn("Transfer-log integration failed code=LOG_INTEGRATION_FAILED attempt={} cause={}", failures,
                        e.getClass().getSimpleName());
            }
            if (placed < batch) {
                long pause = failures == 0 ? every.toNanos() : Math.min(TimeUnit.SECONDS.toNanos(5), every.toNanos() << Math.min(failures, 6));
                LockSupport.parkNanos(this, pause);
            }
        }
    }

    @Override
    public synchronized void start() {
        running = true;
        worker = new Thread(this::run, "accord-log-integrator");
        worker.setDaemon(true);
        worker.start();
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (worker != null) {
            LockSupport.unpark(worker);
            try {
                worker.join(TimeUnit.SECONDS.toMillis(30));
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops after the group commit writer (whose last entries it may still integrate), before the data source closes. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 8192;
    }

    private static Unintegrated unintegrated(ResultSet rs, int row) throws SQLException {
        ChainedEntry members = new ChainedEntry(0, rs.getString("entry_id"), rs.getObject("recorded_at", OffsetDateTime.class).toInstant(),
                rs.getString("transfer_id"), rs.getString("event"), rs.getString("outcome"), rs.getString("code"), rs.getString("actor"),
                rs.getString("sender"), rs.getString("recipient"), rs.getString("record_type"), integer(rs, "schema_version"),
                rs.getString("purpose"), rs.getString("agreement_id"), integer(rs, "agreement_version"), rs.getString("agreement_sha256"),
                rs.getString("fields_shared"), rs.getString("fields_transformed"), rs.getString("fields_withheld"),
                rs.getString("sealed_sha256"), rs.getString("detail"), rs.getString("signer_sha256"), rs.getString("receipt_sha256"),
                null, null);
        return new Unintegrated(rs.getLong("note_id"), rs.getLong("seq"), members);
    }

    private static Integer integer(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    /** An entry as written, awaiting its place in the chain: its note's key, the entry's row and its members. */
    private record Unintegrated(long note, long seq, ChainedEntry members) {
    }

    /** The place a pass gives an entry: a row of transfer_log_chain. */
    private record Place(long index, long seq, String previousHash, String hash) {
    }

    /** Entries written and not yet in the chain. */
    public record Waiting(long entries, Instant oldestWrittenAt) {
    }

    /** One pass that placed entries: when, how many, the longest any had waited, and the chain head after it. */
    public record Pass(Instant at, int entries, Duration longestDelay, long headIndex) {
    }

    /**
     * The integrator as an operator sees it: entries waiting now, this gateway's last pass (null before its first),
     * and the longest delay it recorded in the last few minutes (the metric's decaying maximum).
     */
    public record Status(Waiting waiting, Pass lastPass, Duration recentLongestDelay) {
    }
}
