package org.accord.gateway.transfer;

import java.time.Instant;

/**
 * Published, inside the transaction that records the warning, when a mailbox or inbox message its recipient has not
 * acknowledged will expire at {@code expiresAt} and its sealed copy be deleted (docs/retention.md). The sender's
 * system is told if it has a webhook. Ids and dates only.
 */
public record TransferExpiring(String transferId, String sender, String recipient, String recordType, Instant expiresAt) {
}
