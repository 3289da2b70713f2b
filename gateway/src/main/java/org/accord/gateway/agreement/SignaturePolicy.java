package org.accord.gateway.agreement;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;

import org.accord.gateway.crypto.Pem;

/**
 * Whether agreements need their signatories' signatures to be loaded, and the certificates signatories' certificates
 * must chain to ({@code accord.agreements.require-signatures}, {@code accord.agreements.signatory-trust-anchors}).
 */
public record SignaturePolicy(boolean required, List<X509Certificate> trustAnchors) {

    /** Signatures are checked and shown when present, but none is required. */
    public static final SignaturePolicy OPTIONAL = new SignaturePolicy(false, List.of());

    public SignaturePolicy {
        trustAnchors = List.copyOf(trustAnchors);
        if (required && trustAnchors.isEmpty()) {
            throw new IllegalArgumentException(
                    "accord.agreements.require-signatures=true needs accord.agreements.signatory-trust-anchors");
        }
    }

    /**
     * @param trustAnchors comma-separated PEM files, each with one or more CA certificates; blank for none
     */
    public static SignaturePolicy of(boolean required, String trustAnchors) {
        List<X509Certificate> anchors = new java.util.ArrayList<>();
        for (String file : trustAnchors == null ? new String[0] : trustAnchors.split(",")) {
            if (!file.isBlank()) {
                Path path = Path.of(file.strip());
                if (!Files.isRegularFile(path)) {
                    throw new IllegalArgumentException("signatory trust anchor file " + path + " does not exist");
                }
                anchors.addAll(Pem.readCertificates(path));
            }
        }
        return new SignaturePolicy(required, anchors);
    }
}
