package org.accord.gateway.audit;

import java.time.Clock;
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
    private final Clock clock;

    public TransferLog(TransferLogRepository entries, Clock clock) {
        this.entries = entries;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public TransferLogEntry append(LogEntry entry) {
        TransferLogEntry saved = entries.save(new TransferLogEntry(UUID.randomUUID().toString(), clock.instant(), entry));
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
