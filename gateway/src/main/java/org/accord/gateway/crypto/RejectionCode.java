package org.accord.gateway.crypto;

/** Stable reason codes for refusing a sealed message; safe to return to the sender and to audit. */
public enum RejectionCode {
    /** Not a CMS structure Accord accepts, or a required part is missing or malformed. */
    MALFORMED,
    /** No recipient info in the message names the recipient certificate. */
    NOT_FOR_THIS_RECIPIENT,
    /** The content-encryption key could not be recovered or the ciphertext failed authentication. */
    DECRYPTION_FAILED,
    /** The signature over the signed attributes or the content digest does not verify. */
    SIGNATURE_INVALID,
    /** The signer certificate is absent, not issued by a trust anchor, or not for signing. */
    SIGNER_UNTRUSTED,
    /** The signer certificate is outside its validity period at the time of opening. */
    SIGNER_CERTIFICATE_EXPIRED,
    /** The signed attributes carry no usable Accord transfer id. */
    TRANSFER_ID_MISSING
}
