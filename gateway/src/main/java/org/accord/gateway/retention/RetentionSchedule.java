package org.accord.gateway.retention;

import java.time.Instant;
import java.time.Period;
import java.util.Map;

import org.accord.gateway.agreement.AgreementSource;
import org.springframework.stereotype.Service;

/**
 * When what the gateway holds about one transfer falls due for deletion, by the same rules the purge applies: for a
 * subject access report, which tells the person until when the gateway can still find the transfers about them.
 */
@Service
public class RetentionSchedule {

    private final AgreementSource agreements;
    private final RetentionProperties properties;

    RetentionSchedule(AgreementSource agreements, RetentionProperties properties) {
        this.agreements = agreements;
        this.properties = properties;
    }

    /**
     * When the subject references of a transfer made at {@code at} under {@code agreementId} by {@code sender} are
     * deleted: after the longest period the agreement sets for the sender's organisation, else after
     * {@code accord.retention.transfer-log} (as for a refusal, {@code agreementId} null).
     */
    public Instant subjectReferencesDueAt(String agreementId, String sender, Instant at) {
        Period period = properties.transferLog();
        if (agreementId != null && sender != null) {
            String organisation = sender.split("/", 2)[0];
            Map<String, Period> longest = agreements.current().agreement(agreementId).map(HeldReferences::longestPerOrganisation)
                    .orElse(Map.of());
            period = longest.getOrDefault(organisation, period);
        }
        return SealedCopies.plus(at, period);
    }
}
