package org.accord.gateway.outbound;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.accord.gateway.agreement.Direction;
import org.accord.gateway.agreement.Organisation;
import org.accord.gateway.outbound.SubmissionOutcome.RefusalKind;
import org.accord.gateway.outbound.SubmissionOutcome.Refused;
import org.accord.gateway.transfer.Transfer;
import org.accord.gateway.transfer.TransferRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ObjectNode;

/**
 * Links an answer to the record it answers: a {@code referral-outcome} answers a {@code prevent-referral}, a
 * {@code channel-information-response} a {@code channel-information-request}. A submission that names a transfer
 * ({@code inReplyTo}) is linked only if that transfer is one this gateway holds, was addressed to the answering
 * party, is of the record type the answer answers, and the answer goes back to its sender; otherwise it is
 * refused with a stable code, never linked silently. The sealed answer names the original by the id its
 * recipient knows it by: the partner's own id for a record that arrived from that partner, else this gateway's.
 */
@Component
final class Replies {

    /** No transfer with that id was addressed to the answering party (unknown ids and other parties' look alike). */
    static final String ORIGINAL_UNKNOWN = "ORIGINAL_UNKNOWN";
    /** The answer's record type does not answer the original's (or answers nothing at all). */
    static final String RECORD_TYPES_DO_NOT_PAIR = "RECORD_TYPES_DO_NOT_PAIR";
    /** The answer is addressed to someone other than the sender of the original. */
    static final String NOT_TO_ORIGINAL_SENDER = "NOT_TO_ORIGINAL_SENDER";

    /** Answer record type to the record type it answers. */
    static final Map<String, String> ANSWERS = Map.of(
            "referral-outcome", "prevent-referral",
            "channel-information-response", "channel-information-request");

    private static final Logger log = LoggerFactory.getLogger(Replies.class);
    private static final Pattern TRANSFER_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");

    private final TransferRepository transfers;

    Replies(TransferRepository transfers) {
        this.transfers = transfers;
    }

    /** @return the submission unchanged when it answers nothing or its link holds, else a {@link Refusal} */
    Object check(Submission s) {
        if (s.inReplyTo() == null) {
            return s;
        }
        String answers = ANSWERS.get(s.recordType());
        if (answers == null) {
            return refuse(s, RECORD_TYPES_DO_NOT_PAIR, "A record of this type answers no other record.");
        }
        Optional<Transfer> original = transfers.findById(s.inReplyTo()).filter(o -> addressedTo(o, s.sender()));
        if (original.isEmpty()) {
            return refuse(s, ORIGINAL_UNKNOWN, "No transfer with the id in inReplyTo was addressed to the sender.");
        }
        if (!answers.equals(original.get().recordType())) {
            return refuse(s, RECORD_TYPES_DO_NOT_PAIR, "A " + s.recordType() + " answers a " + answers + ", and the transfer in "
                    + "inReplyTo is not one.");
        }
        if (!original.get().sender().equals(s.recipient())) {
            return refuse(s, NOT_TO_ORIGINAL_SENDER, "An answer goes to the sender of the record it answers.");
        }
        return s;
    }

    /** Names the original in the shared message, by the id the recipient knows it by. */
    void addTo(ObjectNode message, OutboundTransfer t) {
        String inReplyTo = t.submission().inReplyTo();
        if (inReplyTo == null) {
            return;
        }
        Transfer original = transfers.findById(inReplyTo).orElseThrow();
        message.put("inReplyTo", t.direction() == Direction.OUTBOUND ? original.idKnownToPartner() : original.id());
    }

    private static boolean addressedTo(Transfer original, String answeringParty) {
        String recipient = original.recipient();
        return recipient.equals(answeringParty)
                || (recipient.indexOf('/') < 0 && recipient.equals(Organisation.organisationOf(answeringParty)));
    }

    private static Refusal refuse(Submission s, String code, String reason) {
        String named = TRANSFER_ID.matcher(s.inReplyTo()).matches() ? s.inReplyTo() : "(not a transfer id)";
        log.info("Answer refused code={} transfer={} inReplyTo={}", code, s.transferId(), named);
        return new Refusal(s, new Refused(s.transferId(), RefusalKind.INVALID_REPLY, code, reason, List.of()), null);
    }
}
