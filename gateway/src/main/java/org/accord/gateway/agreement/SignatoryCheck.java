package org.accord.gateway.agreement;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

import org.accord.gateway.crypto.CertificatePaths;
import org.accord.gateway.crypto.DetachedSignatures;
import org.accord.gateway.crypto.Fingerprints;
import org.accord.gateway.record.SourceFile;

/**
 * Checks the signatories' CMS detached signatures on one agreement file. Signatory {@code s} of agreement
 * {@code id} version {@code v} signs in {@code <id>.v<v>.<s.organisation>.p7s} beside the file. A signature counts
 * when it matches the file's exact bytes, its certificate chains to a signatory trust anchor (checked at the signing
 * time the signature states, or now if it states none) and the certificate names the signatory: subject CN equal to
 * the signatory's name and O equal to the organisation's id or its name in {@code organisations.yaml}.
 */
final class SignatoryCheck {

    private final SignaturePolicy policy;
    private final Map<String, Organisation> organisations;
    private final Instant now;

    SignatoryCheck(SignaturePolicy policy, Map<String, Organisation> organisations, Instant now) {
        this.policy = policy;
        this.organisations = Map.copyOf(organisations);
        this.now = now;
    }

    /** The file name a signatory's signature on this agreement version has (a unit's slash becomes a dot). */
    static String signatureFileName(String agreementId, int version, String organisation) {
        return agreementId + ".v" + version + "." + organisation.replace('/', '.') + ".p7s";
    }

    /** One status per signatory, in the order the agreement lists them. */
    List<SignatureStatus> check(Agreement agreement, byte[] agreementFile, Map<String, SourceFile> signatureFiles) {
        List<SignatureStatus> statuses = new ArrayList<>();
        for (Signatory signatory : agreement.signatories()) {
            String name = signatureFileName(agreement.id(), agreement.version(), signatory.organisation());
            SourceFile file = signatureFiles.get(name);
            statuses.add(file == null
                    ? new SignatureStatus(signatory, name, false, SignatureProblem.SIGNATURE_MISSING,
                            "no signature file " + name, null, null, null)
                    : checkOne(signatory, name, agreementFile, file.bytes()));
        }
        return List.copyOf(statuses);
    }

    private SignatureStatus checkOne(Signatory signatory, String name, byte[] content, byte[] signature) {
        DetachedSignatures.Verified verified;
        try {
            verified = DetachedSignatures.verify(content, signature);
        } catch (DetachedSignatures.InvalidSignatureException e) {
            return new SignatureStatus(signatory, name, true, SignatureProblem.SIGNATURE_INVALID, e.getMessage(), null, null, null);
        }
        X509Certificate certificate = verified.signer();
        String subject = certificate.getSubjectX500Principal().getName();
        String fingerprint = Fingerprints.sha256Hex(certificate);
        Instant signedAt = verified.signingTimeOrNull();
        if (signedAt != null && signedAt.isAfter(now)) {
            return new SignatureStatus(signatory, name, true, SignatureProblem.SIGNATURE_INVALID,
                    "the signing time is in the future", subject, fingerprint, signedAt);
        }
        CertificatePaths.Verdict verdict = CertificatePaths.check(verified.chain(), policy.trustAnchors(),
                signedAt == null ? now : signedAt);
        if (verdict != CertificatePaths.Verdict.TRUSTED) {
            return new SignatureStatus(signatory, name, true, SignatureProblem.SIGNATURE_INVALID,
                    "the certificate does not chain to a signatory trust anchor (" + verdict.name().toLowerCase() + ")",
                    subject, fingerprint, signedAt);
        }
        if (!namesSignatory(certificate, signatory)) {
            return new SignatureStatus(signatory, name, true, SignatureProblem.SIGNER_NOT_SIGNATORY,
                    "the certificate does not name this signatory (CN the signatory's name, O the organisation)",
                    subject, fingerprint, signedAt);
        }
        return new SignatureStatus(signatory, name, true, null, "valid", subject, fingerprint, signedAt);
    }

    private boolean namesSignatory(X509Certificate certificate, Signatory signatory) {
        Optional<String> cn = attribute(certificate, "CN");
        Optional<String> o = attribute(certificate, "O");
        Organisation organisation = organisations.get(signatory.organisation());
        boolean organisationMatches = o.isPresent() && (o.get().equals(signatory.organisation())
                || (organisation != null && o.get().equals(organisation.name())));
        return cn.isPresent() && cn.get().equals(signatory.name()) && organisationMatches;
    }

    private static Optional<String> attribute(X509Certificate certificate, String type) {
        try {
            List<String> values = new ArrayList<>();
            for (Rdn rdn : new LdapName(certificate.getSubjectX500Principal().getName()).getRdns()) {
                if (rdn.getType().equalsIgnoreCase(type)) {
                    values.add(String.valueOf(rdn.getValue()));
                }
            }
            return values.size() == 1 ? Optional.of(values.get(0)) : Optional.empty();
        } catch (InvalidNameException e) {
            return Optional.empty();
        }
    }
}
