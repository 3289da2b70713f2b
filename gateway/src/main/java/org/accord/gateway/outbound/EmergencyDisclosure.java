package org.accord.gateway.outbound;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.TreeMap;

import org.accord.gateway.agreement.AgreementRef;
import org.accord.gateway.agreement.Channel;
import org.accord.gateway.crypto.Fingerprints;
import org.accord.gateway.redaction.RedactionPlan;

/**
 * An emergency disclosure outside any agreement flow (docs/emergency.md), as the outbound flow needs it: the
 * recipient's emergency profile's field rules in place of a flow's, the recipient's channel, and the justification
 * that goes into the {@code EMERGENCY_DISCLOSURE} log entry and the DPO's review.
 *
 * @param plan the emergency profile's field rules for the record type
 * @param channel where the recipient receives transfers
 * @param basis one of the closed list of bases, for example {@code VITAL-INTERESTS}
 * @param authorisedBy the senior officer's role and name
 * @param scrubbedRisk the risk as given, after the text scrubber
 */
public record EmergencyDisclosure(RedactionPlan plan, Channel channel, String basis, String authorisedBy, String scrubbedRisk) {

    /** The agreement id a transfer made under no agreement carries: the recognisable pseudo agreement. */
    public static final String AGREEMENT_ID = "emergency";

    /** The pseudo agreement a disclosure is recorded under (version 0; the digest of the emergency profile's plan). */
    public AgreementRef agreement() {
        return new AgreementRef(AGREEMENT_ID, 0, Fingerprints.sha256Hex(
                (plan.agreementId() + "|" + plan.flowId() + "|" + new TreeMap<>(plan.rules())).getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Published in the transaction that stores the disclosure, so that its review is written with it.
     *
     * @param fieldsShared the fields that went as given, then those transformed with their rule ({@code path (rule)})
     */
    public record Disclosed(String transferId, String sender, String recipient, String recordType, int schemaVersion,
            String purpose, String clientId, String basis, String authorisedBy, String scrubbedRisk, List<String> fieldsShared,
            Instant createdAt) {
    }
}
