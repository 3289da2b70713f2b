package org.accord.gateway.partner;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.accord.gateway.crypto.Fingerprints;

/**
 * This gateway's own signing certificates: the current one, which signs everything sealed from now on,
 * and the previous ones from before a key rotation, which are still recognised as this gateway's own
 * signatures (a message or log entry signed before the rotation) but never sign again.
 */
public final class SigningCertificates {

    private final X509Certificate current;
    private final List<X509Certificate> previous;

    public SigningCertificates(X509Certificate current, List<X509Certificate> previous) {
        this.current = current;
        this.previous = List.copyOf(previous);
    }

    public X509Certificate current() {
        return current;
    }

    public List<X509Certificate> previous() {
        return previous;
    }

    /** The current certificate first, then the previous ones. */
    public List<X509Certificate> all() {
        List<X509Certificate> all = new ArrayList<>();
        all.add(current);
        all.addAll(previous);
        return List.copyOf(all);
    }

    public boolean recognises(X509Certificate certificate) {
        return all().contains(certificate);
    }

    /** The certificate with this SHA-256 (as recorded in {@code transfer.signer_sha256}), if it is one of ours. */
    public Optional<X509Certificate> bySha256(String sha256Hex) {
        return all().stream().filter(c -> Fingerprints.sha256Hex(c).equalsIgnoreCase(sha256Hex)).findFirst();
    }
}
