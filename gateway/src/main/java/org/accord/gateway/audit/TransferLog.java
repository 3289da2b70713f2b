package org.accord.gateway.audit;

import java.time.Clock;

import jakarta.persistence.EntityManager;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Appends steps to the transfer log. Appends join the caller's transaction, so a step and the state change
 * it records commit together or not at all.
 */
@Service
public class TransferLog {

    private static final Logger log = LoggerFactory.getLogger(TransferLog.class);

    private final TransferLogRepository entries;
    private final ChainHeadRepository heads;
    private final EntityManager entityManager;
    private final Clock clock;

    public TransferLog(TransferLogRepository entries, ChainHeadRepository heads, EntityManager entityManager, Clock clock) {
        this.entries = entries;
        this.heads = heads;
        this.entityManager = entityManager;
        this.clock = clock;
    }

    /**
     * Appends one entry to the end of the chain. The chain head is locked until the caller's transaction ends,
     * so concurrent appends, from this gateway or another sharing the database, are serialised into one chain.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public TransferLogEntry append(LogEntry entry) {
        // Write the transaction's other changes first, so the chain head is always the last lock taken and
        // transactions that change a transfer and log it cannot deadlock each other.
        entityManager.flush();
        ChainHead head = heads.lockHead().orElseThrow(() -> new IllegalStateException("The transfer log has no chain head"));
        long index = head.chainIndex() + 1;
        // Timestamps are kept to the microsecond, the precision the databases store, so hashes survive a round trip.
        TransferLogEntry saved = entries.save(new TransferLogEntry(UUID.randomUUID().toString(),
                clock.instant().truncatedTo(ChronoUnit.MICROS), entry, index, head.headHash()));
        head.advance(index, saved.entryHash());
        log.info("transfer-log event={} outcome={} code={} transfer={} agreement={}", entry.event(), entry.outcome(),
                entry.code(), entry.transferId(), entry.facts() == null ? null : entry.facts().agreementId());
        return saved;
    }

    /** Appends in a transaction of its own, for refusals and reads that change no other state. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public TransferLogEntry appendAlone(LogEntry entry) {
        return append(entry);
    }

    @Transactional(readOnly = true)
    public List<TransferLogEntry> entriesFor(String transferId) {
        return entries.findByTransferIdOrderBySeqAsc(transferId);
    }

    @Transactional(readOnly = true)
    public Page<TransferLogEntry> page(String transferId, Pageable page) {
        return transferId == null ? entries.findAllByOrderBySeqAsc(page) : entries.findByTransferIdOrderBySeqAsc(transferId, page);
    }
}
