package org.accord.gateway.audit;

import org.accord.gateway.security.RequestRefused;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Records the refusals the security layer makes before a request reaches a feature ({@code UNKNOWN_CLIENT},
 * {@code RATE_LIMITED} once per client per minute, {@code LOCKED_OUT}) in the transfer log, each under its own
 * refusal id, so the DPO sees them beside every other refusal.
 */
@Component
class SecurityRefusals {

    private final TransferLog transferLog;

    SecurityRefusals(TransferLog transferLog) {
        this.transferLog = transferLog;
    }

    @EventListener
    void on(RequestRefused refused) {
        transferLog.appendAlone(LogEntry.refusal(refused.refusalId(), refused.code(), refused.actor(),
                TransferFacts.of(refused.organisation(), null, null, null, null), refused.detail()));
    }
}
