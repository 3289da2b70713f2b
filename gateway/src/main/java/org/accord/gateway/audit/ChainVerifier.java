package org.accord.gateway.audit;

import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Verifies a transfer log: each entry's hash, each link to the previous entry, an unbroken run of indexes,
 * and each checkpoint's signature by a trusted certificate and agreement with the entry it names. Reports the
 * first broken entry. Plain Java, for the gateway and for offline checks of an export.
 */
public final class ChainVerifier {

    private final List<X509Certificate> trusted;
    private long expectedIndex = 1;
    private String previousHash = LogChain.GENESIS;
    private final Map<Long, String> hashAt = new HashMap<>();
    private long entries;
    private Problem firstProblem;

    /** @param trusted certificates whose checkpoint signatures are accepted */
    public ChainVerifier(List<X509Certificate> trusted) {
        this.trusted = List.copyOf(trusted);
    }

    /** Feeds the next entry, in chain order. */
    public void accept(ChainedEntry e) {
        entries++;
        hashAt.put(e.chainIndex(), e.entryHash());
        if (firstProblem != null) {
            return;
        }
        if (e.chainIndex() != expectedIndex) {
            fail(expectedIndex, e.chainIndex() > expectedIndex ? "MISSING_ENTRY" : "REORDERED_OR_DUPLICATED",
                    "expected entry " + expectedIndex + " but found " + e.chainIndex());
        }
        else if (!e.prevHash().equals(previousHash)) {
            fail(e.chainIndex(), "BROKEN_LINK", "the entry does not link to the entry before it");
        }
        else if (!LogChain.hash(e).equals(e.entryHash())) {
            fail(e.chainIndex(), "ALTERED", "the entry's content does not match its hash");
        }
        expectedIndex = e.chainIndex() + 1;
        previousHash = e.entryHash();
    }

    /** Checks the checkpoints against the entries fed so far and returns the report. */
    public Report finish(List<Checkpoint> checkpoints, Long expectedHeadIndex) {
        Checkpoint latest = null;
        for (Checkpoint c : checkpoints) {
            if (!signedByTrusted(c)) {
                fail(c.chainIndex(), "CHECKPOINT_FORGED", "a checkpoint's signature is not valid for a trusted certificate");
                continue;
            }
            String hash = hashAt.get(c.chainIndex());
            if (hash == null) {
                fail(c.chainIndex(), "TRUNCATED", "a signed checkpoint names an entry the log no longer has");
            }
            else if (!hash.equals(c.headHash())) {
                fail(c.chainIndex(), "CHECKPOINT_MISMATCH", "the entry differs from the one the checkpoint signed");
            }
            if (latest == null || c.chainIndex() > latest.chainIndex()) {
                latest = c;
            }
        }
        if (expectedHeadIndex != null && expectedHeadIndex != expectedIndex - 1) {
            fail(Math.min(expectedHeadIndex, expectedIndex), "TRUNCATED", "the chain head is at " + expectedHeadIndex
                    + " but the log ends at " + (expectedIndex - 1));
        }
        return new Report(firstProblem == null, entries, checkpoints.size(), firstProblem,
                latest == null ? null : new CheckpointSummary(latest.chainIndex(), latest.headHash(), latest.createdAt().toString()));
    }

    private boolean signedByTrusted(Checkpoint c) {
        try {
            X509Certificate signer = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(c.signerCertificate()));
            boolean trustedSigner = trusted.stream().anyMatch(t -> MessageDigest.isEqual(encoded(t), c.signerCertificate()));
            if (!trustedSigner) {
                return false;
            }
            Signature verifier = Signature.getInstance(c.signatureAlgorithm());
            verifier.initVerify(signer.getPublicKey());
            verifier.update(LogChain.checkpointPayload(c.chainIndex(), c.headHash(), c.createdAt()));
            return verifier.verify(c.signature());
        }
        catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    private static byte[] encoded(X509Certificate certificate) {
        try {
            return certificate.getEncoded();
        }
        catch (GeneralSecurityException e) {
            return new byte[0];
        }
    }

    private void fail(long index, String code, String message) {
        if (firstProblem == null) {
            firstProblem = new Problem(index, code, message);
        }
    }

    /** The outcome of a verification. */
    public record Report(boolean valid, long entriesChecked, int checkpointsChecked, Problem firstBroken,
            CheckpointSummary latestCheckpoint) {
    }

    /** The first entry at which the log stops being provably intact. */
    public record Problem(long chainIndex, String code, String message) {
    }

    /** The latest signed checkpoint. */
    public record CheckpointSummary(long chainIndex, String headHash, String createdAt) {
    }
}
