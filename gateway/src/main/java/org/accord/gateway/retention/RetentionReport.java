package org.accord.gateway.retention;

import static org.accord.gateway.retention.SealedCopies.at;
import static org.accord.gateway.retention.SealedCopies.minus;
import static org.accord.gateway.retention.SealedCopies.plus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the gateway holds, what is due for deletion, and the last purge run: for the console's Retention page and
 * {@code GET /api/v1/retention}. Counts, dates and file names only.
 */
@Service
public class RetentionReport {

    private final JdbcTemplate jdbc;
    private final RetentionProperties properties;
    private final Clock clock;

    RetentionReport(JdbcTemplate jdbc, RetentionProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Report now() {
        Instant now = clock.instant();
        Map<String, Long> byStatus = new LinkedHashMap<>();
        jdbc.query("select t.status, count(*) from sealed_message m join transfer t on t.id = m.transfer_id group by t.status "
                + "order by t.status", row -> {
                    byStatus.put(row.getString(1), row.getLong(2));
                });
        Instant oldestSealed = instant(jdbc.queryForObject("select min(t.created_at) from sealed_message m join transfer t "
                + "on t.id = m.transfer_id", OffsetDateTime.class));
        long expired = count("select count(*) from transfer where status = 'EXPIRED'");
        long subjects = count("select count(*) from transfer_subject");
        long keys = count("select count(*) from transfer where idempotency_key is not null");
        long entries = count("select count(*) from transfer_log");
        Instant oldestEntry = instant(jdbc.queryForObject("select min(recorded_at) from transfer_log", OffsetDateTime.class));
        Long firstRetained = jdbc.queryForObject("select min(chain_index) from transfer_log_chain", Long.class);
        Held held = new Held(byStatus, oldestSealed, expired, subjects, keys, entries, oldestEntry, firstRetained, archives());

        String uncollected = "status in ('AVAILABLE', 'DOWNLOADED') and channel = 'mailbox' and purged_at is null "
                + "and ((collect_by is not null and collect_by <= ?) or (collect_by is null and created_at <= ?))";
        Instant warnBy = plus(now, properties.uncollectedWarning());
        Due due = new Due(
                count("select count(*) from transfer where status = 'ACKNOWLEDGED' and purged_at is null and updated_at <= ?",
                        at(minus(now, properties.sealedAfterAcknowledgement())))
                        + count("select count(*) from transfer where status = 'DELIVERED' and purged_at is null and updated_at <= ?",
                                at(minus(now, properties.sealedAfterDelivery()))),
                count("select count(*) from transfer where " + uncollected, at(now), at(minus(now, properties.uncollectedAfter()))),
                count("select count(*) from transfer where expiry_warned_at is null and " + uncollected, at(warnBy),
                        at(minus(warnBy, properties.uncollectedAfter()))),
                count("select count(*) from transfer where idempotency_key is not null and created_at < ?",
                        at(minus(now, properties.idempotencyKeys()))),
                count("select count(*) from transfer_log where recorded_at < ?", at(minus(now, properties.transferLog()))));
        List<Run> last = jdbc.query("select gateway, started_at, finished_at, outcome, warned, expired, sealed_purged, "
                + "subject_refs_purged, idempotency_cleared, log_entries_archived, archives_written from retention_run "
                + "order by started_at desc, id desc limit 1", (row, i) -> new Run(row.getString(1),
                        row.getObject(2, OffsetDateTime.class).toInstant(), row.getObject(3, OffsetDateTime.class).toInstant(),
                        row.getString(4), row.getInt(5), row.getInt(6), row.getInt(7), row.getInt(8), row.getInt(9), row.getInt(10),
                        row.getInt(11)));
        return new Report(now, held, due, last.isEmpty() ? null : last.get(0), settings());
    }

    private Map<String, String> settings() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("sealed-after-acknowledgement", properties.sealedAfterAcknowledgement().toString());
        settings.put("uncollected-after", properties.uncollectedAfter().toString());
        settings.put("uncollected-warning", properties.uncollectedWarning().toString());
        settings.put("sealed-after-delivery", properties.sealedAfterDelivery().toString());
        settings.put("idempotency-keys", properties.idempotencyKeys().toString());
        settings.put("transfer-log", properties.transferLog().toString());
        settings.put("purge-every", properties.purgeEvery().toString());
        settings.put("enabled", Boolean.toString(properties.enabled()));
        return settings;
    }

    private List<Archive> archives() {
        Path directory = properties.archiveDirectory();
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.getFileName().toString().matches("transfer-log-\\d+-\\d+\\.jsonl")).sorted()
                    .map(f -> new Archive(f.getFileName().toString(), size(f))).toList();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        }
        catch (IOException e) {
            return -1;
        }
    }

    private long count(String sql, Object... args) {
        Long count = jdbc.queryForObject(sql, Long.class, args);
        return count == null ? 0 : count;
    }

    private static Instant instant(OffsetDateTime at) {
        return at == null ? null : at.toInstant();
    }

    /** The whole report. */
    public record Report(Instant at, Held held, Due due, Run lastRun, Map<String, String> settings) {
    }

    /**
     * What the gateway holds.
     *
     * @param sealedCopiesByStatus sealed copies held, by their transfer's status
     * @param firstRetainedEntry the first entry of the live log's chain (1 until a segment is archived)
     */
    public record Held(Map<String, Long> sealedCopiesByStatus, Instant oldestSealedCopy, long expiredTransfers,
            long subjectReferences, long idempotencyKeys, long logEntries, Instant oldestLogEntry, Long firstRetainedEntry,
            List<Archive> archives) {

        public long sealedCopies() {
            return sealedCopiesByStatus.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** What the next run would delete or do, as of now. */
    public record Due(long sealedCopies, long uncollectedToExpire, long sendersToWarn, long idempotencyKeys,
            long logEntriesToArchive) {
    }

    /** One purge run, on whichever gateway ran it. */
    public record Run(String gateway, Instant startedAt, Instant finishedAt, String outcome, int warned, int expired,
            int sealedPurged, int subjectReferencesPurged, int idempotencyKeysCleared, int logEntriesArchived, int archivesWritten) {
    }

    /** A log archive in {@code accord.retention.archive-directory}. */
    public record Archive(String file, long bytes) {
    }
}
