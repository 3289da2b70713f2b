package org.accord.gateway.crypto;

/** Stable reasons for refusing a signed receipt; safe to return to the partner and to audit. */
public enum ReceiptRejection {
    /** Not a CMS SignedData with attached id-data content and exactly one signer with signed attributes. */
    MALFORMED,
    /** The signature over the signed attributes or the content digest does not verify. */
    SIGNATURE_INVALID,
    /** The signer certificate is absent, not issued by a trust anchor, or not for signing. */
    SIGNER_UNTRUSTED,
    /** The signer certificate is outside its validity period. */
    SIGNER_CERTIFICATE_EXPIRED,
    /** The signer certificate is trusted but is not one the partner directory holds for this partner's signatures. */
    SIGNER_NOT_PARTNER,
    /** The signed content is not the receipt JSON. */
    CONTENT_INVALID,
    /** The receipt names another transfer. */
    TRANSFER_MISMATCH,
    /** The receipt's digest is not the digest of the sealed message the gateway made available. */
    DIGEST_MISMATCH
}
