package org.accord.gateway.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.accord.gateway.crypto.DemoPki;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Any edit, deletion, insertion or reordering of entries is found, and so is a forged checkpoint. */
class ChainVerifierTests {

    @TempDir
    static Path pkiDir;

    static DemoPki pki;

    @BeforeAll
    static void keys() {
        pki = DemoPki.ensure(pkiDir, List.of("forger"));
    }

    @Test
    void whenTheChainIsUntouchedThenItVerifiesWithItsCheckpoints() {
        List<ChainedEntry> chain = chain(20);

        ChainVerifier.Report report = verify(chain, List.of(checkpoint(chain.get(9), pki.gatewayKey(), pki.gatewayCertificate()),
                checkpoint(chain.get(19), pki.gatewayKey(), pki.gatewayCertificate())), 20L);

        assertThat(report.valid()).isTrue();
        assertThat(report.entriesChecked()).isEqualTo(20);
        assertThat(report.latestCheckpoint().chainIndex()).isEqualTo(20);
    }

    @Test
    void whenAnEntryIsEditedThenItIsReportedAsAltered() {
        List<ChainedEntry> chain = chain(10);
        ChainedEntry e = chain.get(4);
        chain.set(4, new ChainedEntry(e.chainIndex(), e.entryId(), e.recordedAt(), e.transferId(), e.event(), e.outcome(), "NONE",
                e.actor(), e.sender(), "someone-else", e.recordType(), e.schemaVersion(), e.purpose(), e.agreementId(),
                e.agreementVersion(), e.agreementSha256(), e.fieldsShared(), e.fieldsTransformed(), e.fieldsWithheld(),
                e.sealedSha256(), e.detail(), e.signerSha256(), e.receiptSha256(), e.prevHash(), e.entryHash()));

        assertBroken(verify(chain, List.of(), 10L), 5, "ALTERED");
    }

    @Test
    void whenAnEntryIsDeletedThenTheGapIsReported() {
        List<ChainedEntry> chain = chain(10);
        chain.remove(6);

        assertBroken(verify(chain, List.of(), 10L), 7, "MISSING_ENTRY");
    }

    @Test
    void whenTheLastEntriesAreDeletedThenTheCheckpointOrHeadShowsTruncation() {
        List<ChainedEntry> chain = chain(10);
        Checkpoint checkpoint = checkpoint(chain.get(9), pki.gatewayKey(), pki.gatewayCertificate());
        chain.remove(9);

        assertThat(verify(chain, List.of(checkpoint), null).firstBroken().code()).isEqualTo("TRUNCATED");
        assertThat(verify(chain, List.of(), 10L).firstBroken().code()).isEqualTo("TRUNCATED");
    }

    @Test
    void whenAnEntryIsInsertedThenTheLinkAfterItBreaks() {
        List<ChainedEntry> chain = chain(10);
        ChainedEntry forged = entry(5, chain.get(3).entryHash(), "FORGED");
        chain.add(4, forged);

        assertThat(verify(chain, List.of(), 10L).valid()).isFalse();
    }

    @Test
    void whenEntriesAreReorderedThenItIsReported() {
        List<ChainedEntry> chain = chain(10);
        ChainedEntry third = chain.get(2);
        chain.set(2, chain.get(3));
        chain.set(3, third);

        assertThat(verify(chain, List.of(), 10L).firstBroken().chainIndex()).isEqualTo(3);
    }

    @Test
    void whenTheWholeChainIsRewrittenThenOnlyTheSignedCheckpointCatchesIt() {
        List<ChainedEntry> original = chain(10);
        Checkpoint signed = checkpoint(original.get(9), pki.gatewayKey(), pki.gatewayCertificate());
        List<ChainedEntry> rewritten = chain(10, "REWRITTEN");

        assertThat(verify(rewritten, List.of(), 10L).valid()).isTrue();
        assertBroken(verify(rewritten, List.of(signed), 10L), 10, "CHECKPOINT_MISMATCH");
    }

    @Test
    void whenACheckpointIsSignedByAnotherKeyThenItIsReportedAsForged() {
        List<ChainedEntry> chain = chain(10);
        Checkpoint forged = checkpoint(chain.get(9), pki.partnerKey("forger"), pki.partnerCertificate("forger"));

        assertBroken(verify(chain, List.of(forged), 10L), 10, "CHECKPOINT_FORGED");
    }

    @Test
    void whenACheckpointsHashIsChangedAfterSigningThenItIsReportedAsForged() {
        List<ChainedEntry> chain = chain(10);
        Checkpoint good = checkpoint(chain.get(9), pki.gatewayKey(), pki.gatewayCertificate());
        Checkpoint altered = new Checkpoint(good.chainIndex(), chain.get(8).entryHash(), good.createdAt(), good.signatureAlgorithm(),
                good.signature(), good.signerCertificate());

        assertThat(verify(chain, List.of(altered), 10L).firstBroken().code()).isEqualTo("CHECKPOINT_FORGED");
    }

    @Test
    void whenTheFirstEntriesWereArchivedThenTheRestVerifiesAnchoredByTheSignedCheckpointBeforeIt() {
        List<ChainedEntry> chain = chain(20);
        Checkpoint anchor = checkpoint(chain.get(9), pki.gatewayKey(), pki.gatewayCertificate());
        List<ChainedEntry> live = new ArrayList<>(chain.subList(10, 20));

        ChainVerifier.Report report = verify(live, List.of(anchor), 20L);

        assertThat(report.valid()).as(String.valueOf(report.firstBroken())).isTrue();
        assertThat(report.firstEntry()).isEqualTo(11);
        assertThat(report.entriesChecked()).isEqualTo(10);
    }

    @Test
    void whenTheFirstEntriesAreMissingWithoutASignedCheckpointThenTheLogIsUnanchored() {
        List<ChainedEntry> chain = chain(20);
        List<ChainedEntry> live = new ArrayList<>(chain.subList(10, 20));
        Checkpoint forged = checkpoint(chain.get(9), pki.partnerKey("forger"), pki.partnerCertificate("forger"));

        assertBroken(verify(live, List.of(), 20L), 11, "UNANCHORED");
        assertThat(verify(live, List.of(forged), 20L).valid()).isFalse();
    }

    @Test
    void whenArchivedEntriesAreRewrittenThenTheLiveLogsAnchorNoLongerMatches() {
        List<ChainedEntry> original = chain(20);
        Checkpoint anchor = checkpoint(original.get(9), pki.gatewayKey(), pki.gatewayCertificate());
        List<ChainedEntry> rewritten = chain(20, "REWRITTEN");

        ChainVerifier.Report report = verify(rewritten.subList(10, 20), List.of(anchor), 20L);

        assertThat(report.valid()).isFalse();
    }

    @Test
    void whenAnArchiveSegmentAndTheLiveLogAreFedInOrderThenTheyVerifyAsOneChainAndAGapBetweenThemIsFound() {
        List<ChainedEntry> chain = chain(30);
        List<Checkpoint> checkpoints = List.of(checkpoint(chain.get(9), pki.gatewayKey(), pki.gatewayCertificate()),
                checkpoint(chain.get(19), pki.gatewayKey(), pki.gatewayCertificate()));
        ChainVerifier whole = new ChainVerifier(List.of(pki.gatewayCertificate()));
        chain.subList(10, 20).forEach(whole::accept);
        whole.headAt(20);
        chain.subList(20, 30).forEach(whole::accept);
        whole.headAt(30);
        assertThat(whole.finish(checkpoints, null).valid()).isTrue();

        ChainVerifier gap = new ChainVerifier(List.of(pki.gatewayCertificate()));
        chain.subList(10, 18).forEach(gap::accept);
        gap.headAt(18);
        chain.subList(20, 30).forEach(gap::accept);
        assertThat(gap.finish(checkpoints, null).firstBroken().code()).isEqualTo("MISSING_ENTRY");
    }

    private static void assertBroken(ChainVerifier.Report report, long index, String code) {
        assertThat(report.valid()).isFalse();
        assertThat(report.firstBroken().chainIndex()).isEqualTo(index);
        assertThat(report.firstBroken().code()).isEqualTo(code);
    }

    private static ChainVerifier.Report verify(List<ChainedEntry> chain, List<Checkpoint> checkpoints, Long head) {
        ChainVerifier verifier = new ChainVerifier(List.of(pki.gatewayCertificate()));
        chain.forEach(verifier::accept);
        return verifier.finish(checkpoints, head);
    }

    static List<ChainedEntry> chain(int length) {
        return chain(length, null);
    }

    static List<ChainedEntry> chain(int length, String code) {
        List<ChainedEntry> chain = new ArrayList<>();
        String previous = LogChain.GENESIS;
        for (int i = 1; i <= length; i++) {
            ChainedEntry e = entry(i, previous, code);
            chain.add(e);
            previous = e.entryHash();
        }
        return chain;
    }

    static ChainedEntry entry(long index, String prevHash, String code) {
        ChainedEntry unhashed = new ChainedEntry(index, "entry-" + index, Instant.parse("2026-11-28T10:00:00Z").plusSeconds(index),
                "transfer-" + index, "SEALED", "OK", code, "gateway", "uni-northbridge/safeguarding-lead", "ctp-nw-prevent",
                "prevent-referral", 1, "prevent-referral-assessment", "isa-northbridge-prevent-referrals", 2, "a".repeat(64),
                "subject.names", null, "subject.religion", "b".repeat(64), null, "c".repeat(64), null, prevHash, null);
        return withHash(unhashed, LogChain.hash(unhashed));
    }

    static ChainedEntry withHash(ChainedEntry e, String hash) {
        return new ChainedEntry(e.chainIndex(), e.entryId(), e.recordedAt(), e.transferId(), e.event(), e.outcome(), e.code(),
                e.actor(), e.sender(), e.recipient(), e.recordType(), e.schemaVersion(), e.purpose(), e.agreementId(),
                e.agreementVersion(), e.agreementSha256(), e.fieldsShared(), e.fieldsTransformed(), e.fieldsWithheld(),
                e.sealedSha256(), e.detail(), e.signerSha256(), e.receiptSha256(), e.prevHash(), hash);
    }

    static Checkpoint checkpoint(ChainedEntry at, PrivateKey key, X509Certificate certificate) {
        try {
            Instant created = Instant.parse("2026-11-28T12:00:00Z");
            String algorithm = Checkpointer.algorithmFor(key);
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(LogChain.checkpointPayload(at.chainIndex(), at.entryHash(), created));
            return new Checkpoint(at.chainIndex(), at.entryHash(), created, algorithm, signer.sign(), certificate.getEncoded());
        }
        catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
