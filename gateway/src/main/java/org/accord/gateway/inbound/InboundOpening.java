package org.accord.gateway.inbound;

import org.accord.gateway.crypto.OpenedMessage;

/** The outcome of opening a message sent to this gateway: opened once, or refused with a stable code. */
public sealed interface InboundOpening {

    /**
     * @param message the verified content, signer, signing time and transfer id
     * @param sender  the partner whose signature certificate signed it, or this gateway's institution when it
     *                was signed with one of this gateway's own current or previous signing certificates
     */
    record Opened(OpenedMessage message, String sender) implements InboundOpening {
    }

    /**
     * @param code a {@link org.accord.gateway.crypto.RejectionCode} name, {@code SIGNER_NOT_PARTNER}, or
     *             {@code DUPLICATE} for a transfer id opened before
     */
    record Refused(String code) implements InboundOpening {
    }
}
