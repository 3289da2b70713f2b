package org.accord.gateway.crypto;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;

/** Accord's transfer-id signed attribute: OID under the UUID arc, single UTF8String value. */
final class TransferIdAttribute {

    static final ASN1ObjectIdentifier OID =
            new ASN1ObjectIdentifier("2.25.277558973120734202039791707480966241425");

    private TransferIdAttribute() {
    }
}
