package org.accord.gateway.outbound;

import org.accord.gateway.agreement.Direction;
import org.accord.gateway.agreement.Permit;
import org.accord.gateway.crypto.SealedMessage;
import org.accord.gateway.redaction.MinimisedRecord;

/**
 * A submission as it moves through the outbound stages; each stage returns a copy with its result added.
 * Members not yet reached are null. {@code urgent}: delivered ahead of routine transfers, past the recipient's
 * backlog bound. {@code emergency}: the justification of an emergency disclosure, null for a transfer under an agreement.
 */
record OutboundTransfer(Submission submission, Direction direction, Permit permit, boolean urgent, MinimisedRecord minimised,
        SealedMessage sealed, EmergencyDisclosure emergency) {

    static OutboundTransfer permitted(Submission submission, Direction direction, Permit permit, boolean urgent) {
        return new OutboundTransfer(submission, direction, permit, urgent, null, null, null);
    }

    /** An emergency disclosure: under the recipient's emergency profile in place of a flow, always urgent. */
    static OutboundTransfer emergency(Submission submission, EmergencyDisclosure disclosure) {
        Permit permit = new Permit(disclosure.agreement(), EmergencyDisclosure.AGREEMENT_ID, disclosure.plan(), disclosure.channel());
        return new OutboundTransfer(submission, Direction.OUTBOUND, permit, true, null, null, disclosure);
    }

    OutboundTransfer withMinimised(MinimisedRecord record) {
        return new OutboundTransfer(submission, direction, permit, urgent, record, null, emergency);
    }

    OutboundTransfer withSealed(SealedMessage message) {
        return new OutboundTransfer(submission, direction, permit, urgent, minimised, message, emergency);
    }
}
