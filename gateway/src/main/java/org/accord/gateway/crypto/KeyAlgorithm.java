package org.accord.gateway.crypto;

/** Key types {@link DemoPki} can generate. EC P-256 is the default. */
public enum KeyAlgorithm {
    /** ECDSA signatures and ECDH key agreement on NIST P-256. */
    EC_P256,
    /** RSA 3072: PKCS#1 v1.5 signatures and RSA-OAEP key transport. */
    RSA_3072
}
