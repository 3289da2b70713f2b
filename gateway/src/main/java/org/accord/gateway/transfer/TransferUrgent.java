package org.accord.gateway.transfer;

/**
 * Published, inside the transaction that stores it, when an urgent transfer is accepted: the recipient's duty
 * notification is owed. A listener writes its own outbox row in the same transaction.
 */
public record TransferUrgent(String transferId, String recipient) {
}
