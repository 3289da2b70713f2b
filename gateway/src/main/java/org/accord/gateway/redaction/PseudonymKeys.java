package org.accord.gateway.redaction;

/**
 * Supplies the secret key for an agreement's pseudonyms, so that the same person gets the same pseudonym
 * within one agreement and unlinkable pseudonyms across agreements.
 */
@FunctionalInterface
public interface PseudonymKeys {

    /**
     * @return the HMAC-SHA-256 key for this agreement, at least 32 bytes
     * @throws IllegalStateException if no key is held for the agreement
     */
    byte[] keyFor(String agreementId);
}
