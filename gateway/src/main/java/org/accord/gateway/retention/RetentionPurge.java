package org.accord.gateway.retention;

import java.time.Clock;
import java.time.Instant;
import java.util.function.ToIntFunction;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.accord.gateway.audit.LogArchiver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * One purge run: expires uncollected messages, warns the senders of those about to expire, deletes sealed copies
 * kept long enough, subject references and idempotency keys past their period, and archives the log's segments
 * older than {@code accord.retention.transfer-log}. Each step works in batches of {@code batch-size}, one short
 * transaction each. The run's counts are kept in {@code retention_run} and counted in
 * {@code accord.retention.deleted} (tag {@code kind}); expiries also in {@code accord.retention.expired}.
 */
@Service
public class RetentionPurge {

    private static final Logger log = LoggerFactory.getLogger(RetentionPurge.class);

    private final SealedCopies sealed;
    private final HeldReferences references;
    private final LogArchiver archiver;
    private final JdbcTemplate jdbc;
    private final RetentionProperties properties;
    private final MeterRegistry meters;
    private final Clock clock;
    private final String gateway;

    RetentionPurge(SealedCopies sealed, HeldReferences references, LogArchiver archiver, JdbcTemplate jdbc,
            RetentionProperties properties, MeterRegistry meters, Clock clock) {
        this.sealed = sealed;
        this.references = references;
        this.archiver = archiver;
        this.jdbc = jdbc;
        this.properties = properties;
        this.meters = meters;
        this.clock = clock;
        this.gateway = net.javacrumbs.shedlock.support.Utils.getHostname() + "/" + ProcessHandle.current().pid();
    }

    /** Runs every step now and records the run; a step that fails ends the run, recorded as {@code FAILED}. */
    public RunCounts run() {
        Instant started = clock.instant();
        Counts counts = new Counts();
        String outcome = "OK";
        try {
            counts.expired = batches(sealed::expireUncollected, started);
            counts.warned = batches(sealed::warnUncollected, started);
            counts.sealedPurged = batches(sealed::purgeAcknowledged, started) + batches(sealed::purgeDelivered, started);
            counts.subjectReferences = references.purgeSubjectReferences(started);
            counts.idempotencyKeys = references.clearIdempotencyKeys(started);
            Instant logCutoff = SealedCopies.minus(started, properties.transferLog());
            while (true) {
                var segment = archiver.archiveBefore(logCutoff, properties.archiveDirectory(), properties.archiveSegmentEntries());
                if (segment.isEmpty()) {
                    break;
                }
                counts.logEntriesArchived += (int) segment.get().entriesRemoved();
                counts.archivesWritten++;
            }
        }
        catch (RuntimeException e) {
            outcome = "FAILED";
            log.error("Retention purge failed: {}", e.getClass().getName(), e);
        }
        Instant finished = clock.instant();
        RunCounts run = new RunCounts(started, finished, outcome, counts.warned, counts.expired, counts.sealedPurged,
                counts.subjectReferences, counts.idempotencyKeys, counts.logEntriesArchived, counts.archivesWritten);
        record(run);
        log.info("Retention purge {}: expired={} warned={} sealedPurged={} subjectReferences={} idempotencyKeys={} "
                + "logEntriesArchived={} archives={}", outcome, run.expired(), run.warned(), run.sealedPurged(),
                run.subjectReferencesPurged(), run.idempotencyKeysCleared(), run.logEntriesArchived(), run.archivesWritten());
        return run;
    }

    private static int batches(ToIntFunction<Instant> step, Instant now) {
        long start = System.nanoTime();
        int total = 0;
        int done;
        while ((done = step.applyAsInt(now)) > 0) {
            total += done;
        }
        log.debug("Retention step: {} in {} ms", total, (System.nanoTime() - start) / 1_000_000);
        return total;
    }

    private void record(RunCounts run) {
        jdbc.update("insert into retention_run (gateway, started_at, finished_at, outcome, warned, expired, sealed_purged, "
                + "subject_refs_purged, idempotency_cleared, log_entries_archived, archives_written) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                gateway, SealedCopies.at(run.startedAt()), SealedCopies.at(run.finishedAt()), run.outcome(), run.warned(), run.expired(),
                run.sealedPurged(), run.subjectReferencesPurged(), run.idempotencyKeysCleared(), run.logEntriesArchived(),
                run.archivesWritten());
        count("expired", run.expired());
        count("sealed-copies", run.sealedPurged());
        count("subject-references", run.subjectReferencesPurged());
        count("idempotency-keys", run.idempotencyKeysCleared());
        count("log-entries", run.logEntriesArchived());
        Counter.builder("accord.retention.expired").description("Mailbox and inbox messages expired uncollected")
                .register(meters).increment(run.expired());
    }

    private void count(String kind, int amount) {
        Counter.builder("accord.retention.deleted").description("Held items deleted or archived by retention, by kind")
                .tag("kind", kind).register(meters).increment(amount);
    }

    private static final class Counts {
        int warned;
        int expired;
        int sealedPurged;
        int subjectReferences;
        int idempotencyKeys;
        int logEntriesArchived;
        int archivesWritten;
    }

    /** What one run did, in counts. */
    public record RunCounts(Instant startedAt, Instant finishedAt, String outcome, int warned, int expired, int sealedPurged,
            int subjectReferencesPurged, int idempotencyKeysCleared, int logEntriesArchived, int archivesWritten) {
    }
}
