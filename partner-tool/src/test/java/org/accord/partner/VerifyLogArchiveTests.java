package org.accord.partner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Signature;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.accord.gateway.audit.ChainedEntry;
import org.accord.gateway.audit.Checkpoint;
import org.accord.gateway.audit.LogChain;
import org.accord.gateway.audit.LogExport;
import org.accord.gateway.crypto.DemoPki;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code verify-log} over an archive segment the gateway wrote (entries 1-20) and the live log's export after it
 * (21-30, anchored by the signed checkpoint at 20): one chain, checked offline against the gateway certificate.
 */
class VerifyLogArchiveTests {

    @TempDir
    Path dir;

    private DemoPki pki;
    private List<ChainedEntry> chain;
    private String gatewayCert;

    @BeforeEach
    void chain() {
        pki = DemoPki.ensure(dir.resolve("pki"), List.of());
        gatewayCert = dir.resolve("pki/gateway.crt").toString();
        chain = new ArrayList<>();
        String previous = LogChain.GENESIS;
        for (int i = 1; i <= 30; i++) {
            ChainedEntry unhashed = new ChainedEntry(i, "entry-" + i, Instant.parse("2020-01-01T00:00:00Z").plusSeconds(i), "t-" + i,
                    "SEALED", "OK", null, "gateway", "uni-northbridge", "ctp-nw-prevent", "prevent-referral", 1, "assess",
                    "isa", 1, "a".repeat(64), null, null, null, "b".repeat(64), null, null, null, previous, null);
            String hash = LogChain.hash(unhashed);
            chain.add(new ChainedEntry(i, unhashed.entryId(), unhashed.recordedAt(), unhashed.transferId(), unhashed.event(),
                    unhashed.outcome(), null, unhashed.actor(), unhashed.sender(), unhashed.recipient(), unhashed.recordType(), 1,
                    unhashed.purpose(), unhashed.agreementId(), 1, unhashed.agreementSha256(), null, null, null,
                    unhashed.sealedSha256(), null, null, null, previous, hash));
            previous = hash;
        }
    }

    @Test
    void whenAnArchiveSegmentAndTheLiveExportAreGivenOldestFirstThenTheyVerifyAsOneChain() throws Exception {
        Path archive = write("archive.jsonl", 1, 20, List.of(10, 20));
        Path live = write("live.jsonl", 21, 30, List.of(20, 30));

        CommandRun whole = CommandRun.of("verify-log", archive.toString(), live.toString(), "--gateway-cert", gatewayCert);
        CommandRun liveAlone = CommandRun.of("verify-log", live.toString(), "--gateway-cert", gatewayCert);

        assertThat(whole.exitCode()).as(whole.err()).isZero();
        assertThat(whole.out()).startsWith("OK: 30 entries");
        assertThat(liveAlone.exitCode()).as(liveAlone.err()).isZero();
        assertThat(liveAlone.out()).contains("from entry 21 (anchored by a signed checkpoint)");
    }

    @Test
    void whenEntriesAreMissingBetweenTheArchiveAndTheLiveLogThenTheGapIsReported() throws Exception {
        Path archive = write("archive.jsonl", 1, 18, List.of(10));
        Path live = write("live.jsonl", 21, 30, List.of(20, 30));

        CommandRun run = CommandRun.of("verify-log", archive.toString(), live.toString(), "--gateway-cert", gatewayCert);

        assertThat(run.exitCode()).isEqualTo(PartnerTool.REJECTED);
        assertThat(run.err()).contains("MISSING_ENTRY");
    }

    @Test
    void whenTheLiveLogHasLostItsFirstEntriesWithoutASignedCheckpointThenItIsUnanchored() throws Exception {
        Path live = write("live.jsonl", 21, 30, List.of(30));

        CommandRun run = CommandRun.of("verify-log", live.toString(), "--gateway-cert", gatewayCert);

        assertThat(run.exitCode()).isEqualTo(PartnerTool.REJECTED);
        assertThat(run.err()).contains("UNANCHORED");
    }

    @Test
    void whenTheSigningKeyWasRotatedBetweenTheArchiveAndTheLiveLogThenBothCertificatesVerifyItAndTheNewOneAloneDoesNot()
            throws Exception {
        DemoPki rotated = DemoPki.ensure(dir.resolve("pki-after-rotation"), List.of());
        String rotatedCert = dir.resolve("pki-after-rotation/gateway.crt").toString();
        Path archive = write("archive.jsonl", 1, 20, List.of(10, 20));
        Path live = write("live.jsonl", 21, 30, List.of(30), rotated);

        CommandRun both = CommandRun.of("verify-log", archive.toString(), live.toString(), "--gateway-cert", rotatedCert,
                "--gateway-cert", gatewayCert);
        CommandRun newOnly = CommandRun.of("verify-log", archive.toString(), live.toString(), "--gateway-cert", rotatedCert);

        assertThat(both.exitCode()).as(both.err()).isZero();
        assertThat(both.out()).startsWith("OK: 30 entries, 3 signed checkpoint(s)");
        assertThat(newOnly.exitCode()).isEqualTo(PartnerTool.REJECTED);
        assertThat(newOnly.err()).contains("CHECKPOINT_FORGED");
    }

    private Path write(String name, int from, int to, List<Integer> checkpointsAt) throws Exception {
        return write(name, from, to, checkpointsAt, pki);
    }

    private Path write(String name, int from, int to, List<Integer> checkpointsAt, DemoPki signedBy) throws Exception {
        Path file = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(file)) {
            LogExport export = new LogExport(out);
            export.header(List.of(signedBy.gatewayCertificate()), Instant.parse("2026-12-01T00:00:00Z"));
            chain.subList(from - 1, to).forEach(export::entry);
            for (int index : checkpointsAt) {
                export.checkpoint(checkpoint(chain.get(index - 1), signedBy));
            }
            export.head(to);
        }
        return file;
    }

    private static Checkpoint checkpoint(ChainedEntry at, DemoPki pki) throws Exception {
        Instant created = Instant.parse("2026-11-30T00:00:00Z");
        Signature signer = Signature.getInstance("SHA256withECDSA");
        signer.initSign(pki.gatewayKey());
        signer.update(LogChain.checkpointPayload(at.chainIndex(), at.entryHash(), created));
        return new Checkpoint(at.chainIndex(), at.entryHash(), created, "SHA256withECDSA", signer.sign(),
                pki.gatewayCertificate().getEncoded());
    }
}
