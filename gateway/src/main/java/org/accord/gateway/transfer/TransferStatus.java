package org.accord.gateway.transfer;

/** Lifecycle of an accepted transfer. Refused records never become transfers; their refusal is logged. */
public enum TransferStatus {
    SEALED, QUEUED, AVAILABLE, DOWNLOADED, ACKNOWLEDGED, DELIVERED, FAILED,
    /** Not acknowledged within its collection period: its sealed copy was deleted (docs/retention.md). */
    EXPIRED;

    /** Whether delivery still has to make the message available to the recipient. */
    public boolean awaitingDelivery() {
        return this == SEALED || this == QUEUED;
    }

    /** Statuses of transfers the recipient has not yet taken: they count against its backlog bound. */
    public static java.util.Set<TransferStatus> outstanding() {
        return java.util.EnumSet.of(SEALED, QUEUED, AVAILABLE, DOWNLOADED);
    }
}
