package org.accord.gateway.outbound;

import org.accord.gateway.agreement.Direction;
import org.accord.gateway.agreement.Permit;
import org.accord.gateway.crypto.SealedMessage;
import org.accord.gateway.redaction.MinimisedRecord;

/**
 * A submission as it moves through the outbound stages; each stage returns a copy with its result added.
 * Members not yet reached are null.
 */
record OutboundTransfer(Submission submission, Direction direction, Permit permit, MinimisedRecord minimised,
        SealedMessage sealed) {

    static OutboundTransfer permitted(Submission submission, Direction direction, Permit permit) {
        return new OutboundTransfer(submission, direction, permit, null, null);
    }

    OutboundTransfer withMinimised(MinimisedRecord record) {
        return new OutboundTransfer(submission, direction, permit, record, null);
    }

    OutboundTransfer withSealed(SealedMessage message) {
        return new OutboundTransfer(submission, direction, permit, minimised, message);
    }
}
