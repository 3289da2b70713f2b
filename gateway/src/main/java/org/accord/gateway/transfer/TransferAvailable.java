package org.accord.gateway.transfer;

/**
 * Published, inside the transaction that makes it so, when a transfer becomes available in its recipient's
 * mailbox (the unit's inbox for records arriving at or moving within this institution). A listener that
 * must act on it durably (a notification, say) writes its own row in the same transaction.
 */
public record TransferAvailable(String transferId, String recipient, String sender, String recordType, String direction) {

    public static TransferAvailable of(Transfer transfer) {
        return new TransferAvailable(transfer.id(), transfer.recipient(), transfer.sender(), transfer.recordType(),
                transfer.direction());
    }
}
