package org.accord.gateway.delivery;

/**
 * Thrown after a failed delivery attempt that is worth repeating: the JMS transaction rolls back and the
 * broker redelivers after its backoff. The attempt itself is already committed to the log.
 */
public final class DeliveryRetry extends RuntimeException {

    public DeliveryRetry(String transferId, String code) {
        super("Delivery of " + transferId + " to be retried: " + code, null, false, false);
    }
}
