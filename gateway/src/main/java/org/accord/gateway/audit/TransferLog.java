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
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Appends steps to the transfer log. Appends join the caller's transaction, so a step and the state change
 * it records commit together or not at all. A transaction's entries are chained as they are appended and
 * written as one batch just before it commits ({@link LogRows}).
 */
@Service
public class TransferLog {

    private static final Logger log = LoggerFactory.getLogger(TransferLog.class);

    private final TransferLogRepository entries;
    private final ChainHeadRepository heads;
    private final LogRows rows;
    private final EntityManager entityManager;
    private final Clock clock;

    TransferLog(TransferLogRepository entries, ChainHeadRepository heads, LogRows rows, EntityManager entityManager, Clock clock) {
        this.entries = entries;
        this.heads = heads;
        this.rows = rows;
        this.entityManager = entityManager;
        this.clock = clock;
    }

    /**
     * Appends one entry to the end of the chain. The chain head is locked until the caller's transaction ends,
     * so concurrent appends, from this gateway or another sharing the database, are serialised into one chain.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void append(LogEntry entry) {
        Held held = lockedHead();
        ChainHead head = held.head;
        long index = head.chainIndex() + 1;
        // Timestamps are kept to the microsecond, the precision the databases store, so hashes survive a round trip.
        ChainedEntry chained = new TransferLogEntry(Ids.next(), clock.instant().truncatedTo(ChronoUnit.MICROS), entry, index,
                head.headHash()).chained();
        head.advance(index, chained.entryHash());
        held.appended.add(chained);
    }

    /**
     * The chain head, locked until the end of the current transaction. It is locked once per transaction: a
     * transaction that appends several entries (a group commit of many submits, say) holds the lock from its
     * first append and advances the same head row for the rest.
     */
    private Held lockedHead() {
        // Keyed by the transaction's own session: a REQUIRES_NEW transaction inside one that holds the head has a
        // session of its own and must lock (and wait for) the head itself.
        HeadLock key = new HeadLock(entityManager.unwrap(Session.class));
        Held current = PerTransaction.find(key);
        if (current != null) {
            return current;
        }
        // Write the transaction's other changes first, so the chain head is the last lock taken before the append
        // and transactions that change a transfer and log it cannot deadlock each other.
        entityManager.flush();
        ChainHead head = heads.lockHead().orElseThrow(() -> new IllegalStateException("The transfer log has no chain head"));
        return PerTransaction.bind(key, new Held(head), this::write, held -> {
            // Only what committed is reported; a rolled-back append never happened.
            for (ChainedEntry entry : held.appended) {
                log.info("transfer-log event={} outcome={} code={} transfer={} agreement={}", entry.event(), entry.outcome(),
                        entry.code(), entry.transferId(), entry.agreementId());
            }
        });
    }

    /** Writes the entries the transaction has appended and not yet written, so that its own reads see them. */
    private void write(Held held) {
        rows.insert(held.appended.subList(held.written, held.appended.size()));
        held.written = held.appended.size();
    }

    /** Before the transaction's own reads of the log: writes what it has appended so far. */
    private void writeAppended() {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            return;
        }
        Held held = PerTransaction.find(new HeadLock(entityManager.unwrap(Session.class)));
        if (held != null) {
            write(held);
        }
    }

    /** Appends in a transaction of its own, for refusals and reads that change no other state. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void appendAlone(LogEntry entry) {
        append(entry);
    }

    /** Identifies the chain head locked by the transaction that owns {@code session}. */
    private record HeadLock(Session session) {
    }

    /** The head a transaction holds, the entries it has appended, and how many of them are written. */
    private static final class Held {

        final ChainHead head;
        final List<ChainedEntry> appended = new ArrayList<>();
        int written;

        Held(ChainHead head) {
            this.head = head;
        }
    }

    @Transactional(readOnly = true)
    public List<TransferLogEntry> entriesFor(String transferId) {
        writeAppended();
        return entries.findByTransferIdOrderBySeqAsc(transferId);
    }

    @Transactional(readOnly = true)
    public Page<TransferLogEntry> page(String transferId, Pageable page) {
        writeAppended();
        return transferId == null ? entries.findAllByOrderBySeqAsc(page) : entries.findByTransferIdOrderBySeqAsc(transferId, page);
    }
}
