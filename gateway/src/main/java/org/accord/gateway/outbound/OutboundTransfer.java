package org.accord.gateway.outbound;

import org.accord.gateway.agreement.Direction;
import org.accord.gateway.agreement.Permit;
import org.accord.gateway.crypto.SealedMessage;
import org.accord.gateway.redaction.MinimisedRecord;

/**
 * A submission as it moves through the outbound stages; each stage returns a copy with its result added.
 * Members not yet reached are null. {@code urgent}: delivered ahead of routine transfers, past the recipient's
 * backlog bound.
 */
record OutboundTransfer(Submission submission, Direction direction, Permit permit, boolean urgent, MinimisedRecord minimised,
        SealedMessage sealed) {

    static OutboundTransfer permitted(Submission submission, Direction direction, Permit permit, boolean urgent) {
        return new OutboundTransfer(submission, direction, permit, urgent, null, null);
    }

    OutboundTransfer withMinimised(MinimisedRecord record) {
        return new OutboundTransfer(submission, direction, permit, urgent, record, null);
    }

    OutboundTransfer withSealed(SealedMessage message) {
        return new OutboundTransfer(submission, direction, permit, urgent, minimised, message);
    }
}
