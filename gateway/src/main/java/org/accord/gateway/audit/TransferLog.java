package org.accord.gateway.audit;

import java.time.Clock;

import jakarta.persistence.EntityManager;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.hibernate.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Appends steps to the transfer log. Appends join the caller's transaction, so a step and the state change
 * it records commit together or not at all. A transaction's entries are written with its other rows just before it
 * commits ({@link LogRows}), awaiting integration: no append takes a lock on the chain, so commits of this gateway and of
 * others sharing the database never queue behind each other. The {@link LogIntegrator} orders committed entries
 * into the hash chain within a bounded delay.
 */
@Service
public class TransferLog {

    private static final Logger log = LoggerFactory.getLogger(TransferLog.class);

    private final TransferLogRepository entries;
    private final LogRows rows;
    private final EntityManager entityManager;
    private final Clock clock;

    TransferLog(TransferLogRepository entries, LogRows rows, EntityManager entityManager, Clock clock) {
        this.entries = entries;
        this.rows = rows;
        this.entityManager = entityManager;
        this.clock = clock;
    }

    /** Appends one entry; it is written when the caller's transaction commits, and integrated into the chain after. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void append(LogEntry entry) {
        // Timestamps are kept to the microsecond, the precision the databases store, so hashes survive a round trip.
        TransferLogEntry appended = new TransferLogEntry(Ids.next(), clock.instant().truncatedTo(ChronoUnit.MICROS), entry);
        rows.insert(appended);
        appended().add(appended);
    }

    /** The entries the current transaction has appended, reported once it has committed. */
    private List<TransferLogEntry> appended() {
        // Keyed by the transaction's own session: a REQUIRES_NEW transaction inside another has its own entries.
        Appends key = new Appends(entityManager.unwrap(Session.class));
        List<TransferLogEntry> current = PerTransaction.find(key);
        return current != null ? current : PerTransaction.bind(key, new ArrayList<>(), committed -> {
            // Only what committed is reported; a rolled-back append never happened.
            for (TransferLogEntry e : committed) {
                log.info("transfer-log event={} outcome={} code={} transfer={} agreement={}", e.event(), e.outcome(), e.code(),
                        e.transferId(), e.agreementId());
            }
        });
    }

    /** Appends in a transaction of its own, for refusals and reads that change no other state. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void appendAlone(LogEntry entry) {
        append(entry);
    }

    /** Identifies the entries appended by the transaction that owns {@code session}. */
    private record Appends(Session session) {
    }

    @Transactional(readOnly = true)
    public List<TransferLogEntry> entriesFor(String transferId) {
        rows.flush();
        return entries.findByTransferIdOrderBySeqAsc(transferId);
    }

    @Transactional(readOnly = true)
    public Page<TransferLogEntry> page(String transferId, Pageable page) {
        rows.flush();
        return transferId == null ? entries.findAllByOrderBySeqAsc(page) : entries.findByTransferIdOrderBySeqAsc(transferId, page);
    }
}
