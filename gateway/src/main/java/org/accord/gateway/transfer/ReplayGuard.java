package org.accord.gateway.transfer;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Replay defence for messages this gateway opens: a transfer id is admitted once. The id is recorded in the
 * caller's transaction, so if processing the message fails and rolls back, the id is not consumed and a
 * retry is admitted; two concurrent openings of one id cannot both be admitted (primary key).
 */
@Service
public class ReplayGuard {

    /** The stable code for a transfer id seen before. */
    public static final String DUPLICATE = "DUPLICATE";

    private static final Logger log = LoggerFactory.getLogger(ReplayGuard.class);

    private final SeenTransferRepository seen;
    private final Clock clock;

    public ReplayGuard(SeenTransferRepository seen, Clock clock) {
        this.seen = seen;
        this.clock = clock;
    }

    /** Whether a message may be processed: the first time its transfer id is seen. */
    public enum Verdict {
        FIRST_SIGHTING, DUPLICATE
    }

    /**
     * Records {@code transferId} as seen unless it was seen before.
     *
     * @return {@link Verdict#FIRST_SIGHTING} the first time, {@link Verdict#DUPLICATE} afterwards
     */
    @Transactional
    public Verdict admit(String transferId, String sender, String sealedSha256) {
        if (seen.existsById(transferId)) {
            log.warn("Replayed message refused code={} transfer={} sender={}", DUPLICATE, transferId, sender);
            return Verdict.DUPLICATE;
        }
        try {
            seen.saveAndFlush(new SeenTransfer(transferId, sender, sealedSha256, clock.instant()));
            return Verdict.FIRST_SIGHTING;
        } catch (DataIntegrityViolationException e) {
            log.warn("Replayed message refused code={} transfer={} sender={} (concurrent)", DUPLICATE, transferId, sender);
            return Verdict.DUPLICATE;
        }
    }

    /**
     * Forgets a transfer id admitted by {@link #admit} whose message was then refused (no agreement, invalid
     * record), so that nothing of it is kept and the partner may send it again once the cause is fixed. Never
     * call it for a message that became a transfer.
     */
    @Transactional
    public void release(String transferId) {
        seen.deleteById(transferId);
        log.info("Transfer id released after refusal transfer={}", transferId);
    }
}
