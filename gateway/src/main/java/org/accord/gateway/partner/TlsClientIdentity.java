package org.accord.gateway.partner;

/**
 * Who a TLS client certificate belongs to, as the partner directory decides it: one partner, or a refusal
 * with a stable code. Default deny: a certificate must chain to a trust anchor, be valid now and be the one
 * the directory holds for a partner's TLS client.
 */
public sealed interface TlsClientIdentity {

    /** The certificate is the TLS client certificate of partner {@code organisation}. */
    record Partner(String organisation) implements TlsClientIdentity {
    }

    /** @param code {@link #UNTRUSTED}, {@link #EXPIRED} or {@link #UNKNOWN} */
    record Refused(String code) implements TlsClientIdentity {
    }

    /** Not issued by a trust anchor (self-signed, another CA, a broken chain). */
    String UNTRUSTED = "CLIENT_CERTIFICATE_UNTRUSTED";
    /** Issued by a trust anchor but outside its validity period. */
    String EXPIRED = "CLIENT_CERTIFICATE_EXPIRED";
    /** Trusted and valid, but no partner in the directory presents it. */
    String UNKNOWN = "CLIENT_CERTIFICATE_UNKNOWN";
}
