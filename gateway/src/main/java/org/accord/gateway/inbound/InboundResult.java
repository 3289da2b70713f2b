package org.accord.gateway.inbound;

import org.accord.gateway.outbound.SubmissionOutcome;
import org.accord.gateway.web.ProblemCode;

/** What became of a sealed message a partner handed to this gateway; every outcome other than acceptance is logged. */
public sealed interface InboundResult {

    /**
     * Accepted as a new transfer, with this gateway's signed receipt for it.
     *
     * @param transferId        this gateway's transfer id for the record
     * @param partnerTransferId the transfer id the partner sealed the message under
     * @param receipt           the signed receipt (CMS SignedData, DER)
     */
    record Accepted(String transferId, String status, String partnerTransferId, byte[] receipt) implements InboundResult {
        public Accepted {
            receipt = receipt.clone();
        }

        @Override
        public byte[] receipt() {
            return receipt.clone();
        }
    }

    /**
     * The transfer id was received before: the message is dropped, and the receipt issued then is returned.
     *
     * @param receipt the original receipt, or null while the first delivery of the same message is still being processed
     */
    record AlreadyReceived(String transferId, String partnerTransferId, byte[] receipt) implements InboundResult {
        public AlreadyReceived {
            receipt = receipt == null ? null : receipt.clone();
        }

        @Override
        public byte[] receipt() {
            return receipt == null ? null : receipt.clone();
        }
    }

    /**
     * Not accepted before the record's checks: it could not be opened, its sender is not the caller, its content is
     * not a message. Logged under {@code refusalId}.
     *
     * @param code a stable reason: an opening code ({@code SIGNATURE_INVALID}, {@code SIGNER_UNTRUSTED}, …),
     *             {@code SIGNER_NOT_PARTNER}, {@code SENDER_MISMATCH}, {@code CONTENT_INVALID},
     *             {@code TRANSFER_ID_INVALID}, {@code PAYLOAD_TOO_LARGE}
     */
    record Rejected(ProblemCode problem, String code, String detail, String refusalId) implements InboundResult {
    }

    /** Opened, but refused by the same checks as any record (schema, agreement); logged by the flow. */
    record Refused(SubmissionOutcome.Refused outcome) implements InboundResult {
    }
}
