package org.accord.gateway.agreement;

import java.util.List;

import org.accord.gateway.record.SourceFile;

/**
 * One version of an agreement as loaded: the model, the file it was read from (whose SHA-256 every transfer under
 * it records) and its signatories' signatures. The version in force and superseded ones kept in {@code history/}.
 */
public record AgreementVersion(Agreement agreement, SourceFile file, String sha256, List<SignatureStatus> signatures) {

    public AgreementVersion {
        signatures = List.copyOf(signatures);
    }

    /** Whether every listed signatory has a valid signature on this exact file. */
    public boolean fullySigned() {
        return !signatures.isEmpty() && signatures.stream().allMatch(SignatureStatus::valid);
    }
}
