package org.accord.gateway.inbound;

/**
 * The answer to a queued inbound message, sent to its {@code JMSReplyTo} when it has one: the signed receipt as the
 * body of a bytes message (empty for a refusal), with the status, the refusal code and the partner's transfer id as
 * properties.
 *
 * @param status {@code ACCEPTED}, {@code ALREADY_RECEIVED}, {@code REJECTED} or {@code REFUSED}
 * @param code      the refusal code, or null
 * @param refusalId the refusal's id in the transfer log (a refusal by the record's checks: its transfer id)
 */
record InboundReply(String status, String code, String refusalId, String partnerTransferId, String transferId, byte[] receipt) {

    static InboundReply of(InboundResult result) {
        if (result instanceof InboundResult.Accepted accepted) {
            return new InboundReply("ACCEPTED", null, null, accepted.partnerTransferId(), accepted.transferId(), accepted.receipt());
        }
        if (result instanceof InboundResult.AlreadyReceived repeat) {
            return new InboundReply("ALREADY_RECEIVED", null, null, repeat.partnerTransferId(), repeat.transferId(),
                    repeat.receipt() == null ? new byte[0] : repeat.receipt());
        }
        if (result instanceof InboundResult.Rejected rejected) {
            return new InboundReply("REJECTED", rejected.code(), rejected.refusalId(), null, null, new byte[0]);
        }
        InboundResult.Refused refused = (InboundResult.Refused) result;
        return new InboundReply("REFUSED", refused.outcome().code(), refused.outcome().transferId(), null, null, new byte[0]);
    }
}
