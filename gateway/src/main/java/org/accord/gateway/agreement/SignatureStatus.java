package org.accord.gateway.agreement;

import java.time.Instant;

/**
 * What the gateway found for one signatory of one agreement version: the signature file, and if it was valid
 * the certificate's subject and SHA-256 and the signing time the signature claims.
 *
 * @param problemOrNull why the signature does not count, or {@code null} if it is valid, trusted and names the signatory
 */
public record SignatureStatus(Signatory signatory, String file, boolean present, SignatureProblem problemOrNull,
        String detail, String certificateSubject, String certificateSha256, Instant signedAt) {

    /** Signed by this signatory with a trusted certificate that names them. */
    public boolean valid() {
        return present && problemOrNull == null;
    }

    /** In words, for the document: "signed", "not signed" or the reason it does not count. */
    public String summary() {
        if (!present) {
            return "not signed";
        }
        return problemOrNull == null ? "signed" : "signature does not count: " + detail;
    }
}
