package org.accord.gateway.audit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Archives the transfer log's oldest segment: the entries from the first retained one up to a signed checkpoint
 * recorded before a cut-off are written as an export ({@link LogExport}, with the checkpoint before them as their
 * anchor and every checkpoint among them), the file is verified against the gateway's certificate, and only then
 * are they removed from the live log, which stays verifiable from its first entry on, anchored by that checkpoint.
 * The removal and its {@code LOG_ARCHIVED} entry (counts and the archive's digest) commit together. On PostgreSQL
 * the removal goes through {@code accord_prune_transfer_log}, so the application role itself never holds
 * {@code DELETE} on the log.
 */
@Service
public class LogArchiver {

    private static final Logger log = LoggerFactory.getLogger(LogArchiver.class);
    private static final int PAGE = 1000;

    private final JdbcTemplate jdbc;
    private final LogIntegrity integrity;
    private final TransferLog transferLog;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final boolean pruneFunction;

    LogArchiver(JdbcTemplate jdbc, LogIntegrity integrity, TransferLog transferLog, PlatformTransactionManager transactions,
            Clock clock) {
        this.jdbc = jdbc;
        this.integrity = integrity;
        this.transferLog = transferLog;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
        boolean postgres = Boolean.TRUE.equals(jdbc.execute((java.sql.Connection connection) ->
                connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres")));
        this.pruneFunction = postgres && Integer.valueOf(1).equals(jdbc.queryForObject(
                "select count(*) from pg_proc where proname = 'accord_prune_transfer_log'", Integer.class));
    }

    /**
     * Archives the oldest segment if one is due: up to the latest signed checkpoint within {@code maxEntries} of
     * the first retained entry (or, if none is within, the first beyond) whose entry was recorded before {@code cutoff}.
     *
     * @return the segment written and removed, or empty when nothing is due
     */
    public Optional<ArchivedSegment> archiveBefore(Instant cutoff, Path directory, int maxEntries) {
        Long first = jdbc.queryForObject("select min(chain_index) from transfer_log_chain", Long.class);
        if (first == null) {
            return Optional.empty();
        }
        Long last = lastCheckpointBefore(cutoff, first, first + maxEntries - 1);
        if (last == null) {
            last = lastCheckpointBefore(cutoff, first, Long.MAX_VALUE / 2);
            if (last == null) {
                return Optional.empty();
            }
            last = jdbc.queryForObject("select min(cp.chain_index) from transfer_log_checkpoint cp "
                    + "join transfer_log_chain ch on ch.chain_index = cp.chain_index join transfer_log l on l.seq = ch.entry_seq "
                    + "where cp.chain_index >= ? and l.recorded_at < ?", Long.class, first, cutoff.atOffset(java.time.ZoneOffset.UTC));
        }
        long from = first;
        long to = last;
        List<Checkpoint> checkpoints = integrity.checkpoints().stream()
                .filter(c -> c.chainIndex() >= from - 1 && c.chainIndex() <= to).toList();
        Path file = directory.resolve(String.format("transfer-log-%012d-%012d.jsonl", from, to));
        String sha256 = write(file, from, to, checkpoints);
        verify(file, from, to);
        long removed = transaction.execute(status -> {
            long count = prune(from, to);
            transferLog.append(new LogEntry(null, LogEvent.LOG_ARCHIVED, LogOutcome.OK, null, "gateway", null, null,
                    "entries " + from + "-" + to + " (" + count + ") archived to " + file.getFileName() + ", sha-256 " + sha256
                            + ", anchored by the signed checkpoint at entry " + to));
            return count;
        });
        log.info("Transfer log entries {}-{} archived ({} removed) to {}", from, to, removed, file.getFileName());
        return Optional.of(new ArchivedSegment(from, to, removed, file, sha256));
    }

    private Long lastCheckpointBefore(Instant cutoff, long first, long upTo) {
        return jdbc.queryForObject("select max(cp.chain_index) from transfer_log_checkpoint cp "
                + "join transfer_log_chain ch on ch.chain_index = cp.chain_index join transfer_log l on l.seq = ch.entry_seq "
                + "where cp.chain_index >= ? and cp.chain_index <= ? and l.recorded_at < ?", Long.class, first, upTo,
                cutoff.atOffset(java.time.ZoneOffset.UTC));
    }

    private String write(Path file, long from, long to, List<Checkpoint> checkpoints) {
        try {
            Files.createDirectories(file.getParent());
            Path partial = file.resolveSibling(file.getFileName() + ".partial");
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(partial, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE, StandardOpenOption.SYNC), digest)) {
                LogExport export = new LogExport(out);
                export.header(integrity.trustedCertificates(), clock.instant());
                integrity.forEachEntry(from - 1, to, export::entry);
                checkpoints.forEach(export::checkpoint);
                export.head(to);
            }
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return HexFormat.of().formatHex(digest.digest());
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot write the transfer-log archive " + file.getFileName(), e);
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The archive must verify, as a whole and anchored, before anything it holds leaves the live log. */
    private void verify(Path file, long from, long to) {
        try (InputStream in = Files.newInputStream(file)) {
            ChainVerifier.Report report = LogExport.verify(in, integrity.trustedCertificates());
            if (!report.valid() || report.entriesChecked() != to - from + 1 || report.firstEntry() != from) {
                throw new IllegalStateException("The transfer-log archive " + file.getFileName() + " does not verify: "
                        + (report.firstBroken() == null ? "wrong extent" : report.firstBroken().code()));
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private long prune(long from, long to) {
        if (pruneFunction) {
            return jdbc.queryForObject("select accord_prune_transfer_log(?)", Long.class, to);
        }
        List<Long> seqs = jdbc.queryForList("select entry_seq from transfer_log_chain where chain_index >= ? and chain_index <= ?",
                Long.class, from, to);
        jdbc.update("delete from transfer_log_chain where chain_index <= ?", to);
        long removed = 0;
        for (int i = 0; i < seqs.size(); i += PAGE) {
            List<Long> page = seqs.subList(i, Math.min(seqs.size(), i + PAGE));
            removed += jdbc.update("delete from transfer_log where seq in (" + String.join(",", page.stream().map(String::valueOf).toList())
                    + ")");
        }
        jdbc.update("delete from transfer_log_checkpoint where chain_index < ?", to);
        return removed;
    }

    /** A segment written to {@code file} (SHA-256 {@code sha256}) and removed from the live log. */
    public record ArchivedSegment(long firstEntry, long lastEntry, long entriesRemoved, Path file, String sha256) {
    }
}
