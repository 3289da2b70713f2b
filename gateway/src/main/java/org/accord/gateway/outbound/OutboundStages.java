package org.accord.gateway.outbound;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.accord.gateway.agreement.AgreementSource;
import org.accord.gateway.agreement.Decision;
import org.accord.gateway.agreement.Deny;
import org.accord.gateway.agreement.Direction;
import org.accord.gateway.agreement.Directions;
import org.accord.gateway.agreement.Organisation;
import org.accord.gateway.agreement.Permit;
import org.accord.gateway.agreement.TransferRequest;
import org.accord.gateway.crypto.CmsSealer;
import org.accord.gateway.partner.PartnerDirectory;
import org.accord.gateway.record.RecordSchemas;
import org.accord.gateway.record.SchemaViolation;
import org.accord.gateway.redaction.MinimisedRecord;
import org.accord.gateway.redaction.Minimiser;
import org.accord.gateway.redaction.scrub.TextTooLongException;
import org.accord.gateway.outbound.SubmissionOutcome.RefusalKind;
import org.accord.gateway.outbound.SubmissionOutcome.Refused;
import org.accord.gateway.outbound.SubmissionOutcome.Violation;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The outbound stages the routes call. Each takes the submission as the previous stage left it and returns
 * either the next form or a {@link Refusal}; the work itself is done by the schema, agreement, redaction and
 * crypto packages.
 */
@Component
final class OutboundStages {

    private static final ZoneId UK = ZoneId.of("Europe/London");

    /** The refusal of an envelope's {@code urgent: true} on a flow without {@code allowUrgent}. */
    static final String URGENT_NOT_ALLOWED = "URGENT_NOT_ALLOWED";

    private final AgreementSource agreements;
    private final Minimiser minimiser;
    private final CmsSealer sealer;
    private final PartnerDirectory partners;
    private final JsonMapper json;
    private final Clock clock;
    private final String institution;
    private final RecipientBacklog backlog;
    private final long maxOutstanding;
    private final Replies replies;
    /**
     * Seals running at once ({@code accord.outbound.seal-concurrency}, no bound by default), first come first served.
     * A seal is the costliest step on the submit path; bounded, a gateway run at its highest rate leaves the
     * group-commit writers and the database, which every sealed submit waits for next, more of the cores.
     */
    private final Turns sealing;

    OutboundStages(AgreementSource agreements, Minimiser minimiser, CmsSealer sealer,
            PartnerDirectory partners, JsonMapper json, Clock clock, @Value("${accord.institution}") String institution,
            RecipientBacklog backlog, @Value("${accord.delivery.max-outstanding-per-recipient:10000}") long maxOutstanding,
            Replies replies, @Value("${accord.outbound.seal-concurrency:0}") int sealConcurrency) {
        this.replies = replies;
        this.sealing = new Turns(sealConcurrency);
        this.backlog = backlog;
        this.maxOutstanding = maxOutstanding;
        this.agreements = agreements;
        this.minimiser = minimiser;
        this.sealer = sealer;
        this.partners = partners;
        this.json = json;
        this.clock = clock;
        this.institution = institution;
    }

    Object validate(Submission s) {
        RecordSchemas schemas = agreements.current().recordSchemas();
        if (!schemas.knows(s.recordType(), s.schemaVersion())) {
            return refuse(s, RefusalKind.UNKNOWN_RECORD_TYPE, "UNKNOWN_RECORD_TYPE",
                    "The gateway has no schema for " + s.recordType() + " version " + s.schemaVersion() + ".", List.of());
        }
        List<SchemaViolation> violations = schemas.validate(s.recordType(), s.schemaVersion(), s.record());
        if (!violations.isEmpty()) {
            return refuse(s, RefusalKind.INVALID_RECORD, "SCHEMA_VIOLATION",
                    "The record has " + violations.size() + " schema violation(s).",
                    violations.stream().map(v -> new Violation(v.pointer(), v.message())).toList());
        }
        return replies.check(s);
    }

    Object decide(Submission s) {
        Direction direction = Directions.of(institution, s.sender(), s.recipient());
        Decision decision = agreements.current().decide(new TransferRequest(s.sender(), s.recipient(), s.recordType(),
                s.schemaVersion(), s.purpose(), direction, LocalDate.ofInstant(s.receivedAt(), UK), s.record()));
        if (decision instanceof Deny deny) {
            return new Refusal(s, new Refused(s.transferId(), RefusalKind.NOT_PERMITTED, deny.code().name(), deny.reason(),
                    List.of()), deny.agreementOrNull());
        }
        Permit permit = (Permit) decision;
        if (s.urgentRequested() && !permit.allowUrgent()) {
            return new Refusal(s, new Refused(s.transferId(), RefusalKind.NOT_PERMITTED, URGENT_NOT_ALLOWED,
                    "The agreement flow does not let the envelope mark this record urgent.", List.of()), permit.agreement());
        }
        boolean urgent = s.urgentRequested() || Urgency.marked(s.recordType(), s.record());
        return OutboundTransfer.permitted(s, direction, permit, urgent);
    }

    /**
     * Refuses, rather than buffers without limit, a transfer for a recipient that already has
     * {@code accord.delivery.max-outstanding-per-recipient} transfers it has not taken. An urgent transfer is never
     * held back by the bound.
     */
    Object checkBacklog(OutboundTransfer t) {
        Submission s = t.submission();
        if (!t.urgent() && !backlog.below(s.recipient(), maxOutstanding)) {
            return new Refusal(s, new Refused(s.transferId(), RefusalKind.RECIPIENT_BACKLOG, "RECIPIENT_BACKLOG",
                    "The recipient has too many transfers waiting; try again later.", List.of()), t.permit().agreement());
        }
        return t;
    }

    Object minimise(OutboundTransfer t) {
        try {
            MinimisedRecord minimised = minimiser.minimise(t.permit().plan(), t.submission().record(),
                    LocalDate.ofInstant(t.submission().receivedAt(), UK));
            return t.withMinimised(minimised);
        }
        catch (TextTooLongException e) {
            return new Refusal(t.submission(), new Refused(t.submission().transferId(), RefusalKind.TEXT_TOO_LONG,
                    TextTooLongException.CODE, "A free-text field is longer than the " + e.maximum()
                    + " characters the scrubber accepts.", List.of()), t.permit().agreement());
        }
    }

    Object seal(OutboundTransfer t) {
        Submission s = t.submission();
        Optional<X509Certificate> certificate = partners.encryptionCertificate(Organisation.organisationOf(s.recipient()));
        if (certificate.isEmpty()) {
            return new Refusal(s, new Refused(s.transferId(), RefusalKind.NOT_PERMITTED, "RECIPIENT_CERTIFICATE_UNKNOWN",
                    "The gateway holds no certificate for the recipient.", List.of()), t.permit().agreement());
        }
        if (!PartnerDirectory.validAt(certificate.get(), clock.instant())) {
            return new Refusal(s, new Refused(s.transferId(), RefusalKind.NOT_PERMITTED, "RECIPIENT_CERTIFICATE_EXPIRED",
                    "The recipient's certificate is outside its validity period.", List.of()), t.permit().agreement());
        }
        return sealing.run(() -> t.withSealed(sealer.seal(sharedMessage(t), s.transferId(), certificate.get())));
    }

    /** The JSON the recipient receives: the minimised record with the facts it needs to handle it. */
    private byte[] sharedMessage(OutboundTransfer t) {
        Submission s = t.submission();
        ObjectNode message = json.createObjectNode();
        message.put("transferId", s.transferId());
        message.put("recordType", s.recordType());
        message.put("schemaVersion", s.schemaVersion());
        message.put("sender", s.sender());
        message.put("recipient", s.recipient());
        message.put("purpose", s.purpose());
        ObjectNode agreement = message.putObject("agreement");
        agreement.put("id", t.permit().agreement().id());
        agreement.put("version", t.permit().agreement().version());
        message.put("sentAt", s.receivedAt().toString());
        if (t.urgent()) {
            message.put("urgent", true);
        }
        message.set("record", t.minimised().content());
        replies.addTo(message, t);
        return json.writeValueAsBytes(message);
    }

    private static Refusal refuse(Submission s, RefusalKind kind, String code, String reason, List<Violation> violations) {
        return new Refusal(s, new Refused(s.transferId(), kind, code, reason, violations), null);
    }
}
