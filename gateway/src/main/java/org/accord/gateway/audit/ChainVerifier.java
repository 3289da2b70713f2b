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
 * <p>
 * A log whose oldest entries were archived (docs/retention.md) starts after entry 1: its first entry must then be
 * anchored by a trusted signed checkpoint of the entry before it (the last entry of the archive), which the
 * verifier is given with {@link #startAfter} or finds among the checkpoints ({@code UNANCHORED} otherwise).
 * Archive segments and the live log fed in order verify as one chain.
 */
public final class ChainVerifier {

    private final List<X509Certificate> trusted;
    private long expectedIndex = 1;
    private String previousHash = LogChain.GENESIS;
    private final Map<Long, String> hashAt = new HashMap<>();
    private long entries;
    private Problem firstProblem;
    private Long anchorIndex;
    private String anchorHash;

    /** @param trusted certificates whose checkpoint signatures are accepted */
    public ChainVerifier(List<X509Certificate> trusted) {
        this.trusted = List.copyOf(trusted);
    }

    /**
     * Starts the chain after {@code anchor}, a signed checkpoint of the last archived entry: the next entry must be
     * the one after it and link to its hash. The anchor's signature is checked in {@link #finish}.
     */
    public void startAfter(Checkpoint anchor) {
        anchorAt(anchor.chainIndex(), anchor.headHash());
    }

    private void anchorAt(long index, String hash) {
        anchorIndex = index;
        anchorHash = hash;
        expectedIndex = index + 1;
        previousHash = hash;
        hashAt.put(index, hash);
    }

    /** Feeds the next entry, in chain order. */
    public void accept(ChainedEntry e) {
        if (entries == 0 && anchorIndex == null && e.chainIndex() > 1) {
            // The live log after an archive, or an archive segment after the first: anchored by the entry before it.
            anchorAt(e.chainIndex() - 1, e.prevHash());
        }
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

    /**
     * Checks that a file's head (its {@code head} line) is the last entry fed so far: for each of several files
     * verified as one chain, each archive segment and then the live log.
     */
    public void headAt(long headIndex) {
        if (entries == 0 && anchorIndex == null && headIndex > 0) {
            anchorAt(headIndex, null);
        }
        if (headIndex != expectedIndex - 1) {
            fail(Math.min(headIndex, expectedIndex), "TRUNCATED", "the chain head is at " + headIndex
                    + " but the log ends at " + (expectedIndex - 1));
        }
    }

    /** Checks the checkpoints against the entries fed so far and returns the report. */
    public Report finish(List<Checkpoint> checkpoints, Long expectedHeadIndex) {
        if (entries == 0 && anchorIndex == null && expectedHeadIndex != null && expectedHeadIndex > 0) {
            // Every entry archived: the live log is its anchor alone.
            anchorAt(expectedHeadIndex, null);
        }
        if (anchorIndex != null && anchorHash == null) {
            checkpoints.stream().filter(c -> c.chainIndex() == anchorIndex).findFirst().ifPresent(c -> {
                anchorHash = c.headHash();
                hashAt.put(anchorIndex, anchorHash);
            });
        }
        boolean anchored = anchorIndex == null;
        Checkpoint latest = null;
        for (Checkpoint c : checkpoints) {
            if (anchorIndex != null && c.chainIndex() < anchorIndex) {
                // Signed over entries in an earlier archive segment: not this chain's to check.
                continue;
            }
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
            if (anchorIndex != null && c.chainIndex() == anchorIndex && c.headHash().equals(anchorHash)) {
                anchored = true;
            }
            if (latest == null || c.chainIndex() > latest.chainIndex()) {
                latest = c;
            }
        }
        if (!anchored) {
            fail(anchorIndex + 1, "UNANCHORED", "the first entry is not anchored by a signed checkpoint of the entry before it");
        }
        if (expectedHeadIndex != null && expectedHeadIndex != expectedIndex - 1) {
            fail(Math.min(expectedHeadIndex, expectedIndex), "TRUNCATED", "the chain head is at " + expectedHeadIndex
                    + " but the log ends at " + (expectedIndex - 1));
        }
        return new Report(firstProblem == null, entries, checkpoints.size(), firstProblem,
                latest == null ? null : new CheckpointSummary(latest.chainIndex(), latest.headHash(), latest.createdAt().toString()),
                anchorIndex == null ? 1 : anchorIndex + 1);
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

    /**
     * The outcome of a verification.
     *
     * @param firstEntry the index the verified chain starts at: 1, or the entry after an archived segment
     */
    public record Report(boolean valid, long entriesChecked, int checkpointsChecked, Problem firstBroken,
            CheckpointSummary latestCheckpoint, long firstEntry) {
    }

    /** The first entry at which the log stops being provably intact. */
    public record Problem(long chainIndex, String code, String message) {
    }

    /** The latest signed checkpoint. */
    public record CheckpointSummary(long chainIndex, String headHash, String createdAt) {
    }
}
