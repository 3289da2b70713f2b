package org.accord.partner;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.accord.gateway.crypto.CmsOpener;
import org.accord.gateway.crypto.CmsSealer;
import org.accord.gateway.crypto.OpenedMessage;
import org.accord.gateway.crypto.DemoPki;
import org.accord.gateway.crypto.ReceiptSigner;
import org.accord.gateway.crypto.Fingerprints;
import org.accord.gateway.crypto.ReceiptContent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code open}, {@code receipt} and {@code verify} commands on files, as a partner would run them. */
class PartnerCommandsTests {

    private static final String POLICE = "ctp-nw-prevent";
    private static final String TRANSFER = "3f2a9c1d-7b4e-4a5f-9e8d-1c2b3a4d5e6f";
    private static final String RECORD = "{\"transferId\":\"" + TRANSFER + "\",\"record\":{\"concern\":\"demo\"}}";

    @TempDir
    Path dir;

    private DemoPki pki;
    private Path message;

    @BeforeEach
    void sealAMessageForThePolice() throws Exception {
        pki = DemoPki.ensure(dir.resolve("pki"), List.of(POLICE, "la-northbridge-channel"));
        byte[] sealed = new CmsSealer(pki.gatewayKey(), List.of(pki.gatewayCertificate(), pki.caCertificate()))
                .seal(RECORD.getBytes(StandardCharsets.UTF_8), TRANSFER, pki.partnerCertificate(POLICE)).der();
        message = Files.write(dir.resolve(TRANSFER + ".p7m"), sealed);
    }

    @Test
    void whenThePartnerOpensItsMessageThenTheJsonIsPrintedFollowedBySignerAndTime() {
        CommandRun run = CommandRun.of(with("open", message.toString()));

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith(RECORD);
        assertThat(run.out()).contains("transfer-id:   " + TRANSFER, "signed-by:     CN=accord-gateway",
                "signer-sha256: " + Fingerprints.sha256Hex(pki.gatewayCertificate()), "signed-at:");
    }

    @Test
    void whenTheMessageWasChangedThenOpenExitsNonZeroWithTheRejectionCode() throws Exception {
        byte[] tampered = Files.readAllBytes(message);
        tampered[tampered.length - 20] ^= 0x01;
        Files.write(message, tampered);

        CommandRun run = CommandRun.of(with("open", message.toString()));

        assertThat(run.exitCode()).isEqualTo(PartnerTool.REJECTED);
        assertThat(run.err()).contains("REJECTED DECRYPTION_FAILED");
        assertThat(run.out()).doesNotContain("concern");
    }

    @Test
    void whenAnotherPartnerTriesToOpenTheMessageThenItIsRejectedAsNotForThisRecipient() {
        Path partners = pki.directory().resolve("partners");
        CommandRun run = CommandRun.of("open", message.toString(), "--key", partners.resolve("la-northbridge-channel.key").toString(),
                "--cert", partners.resolve("la-northbridge-channel.crt").toString(), "--ca", pki.directory().resolve("ca.crt").toString());

        assertThat(run.exitCode()).isEqualTo(PartnerTool.REJECTED);
        assertThat(run.err()).contains("REJECTED NOT_FOR_THIS_RECIPIENT");
    }

    @Test
    void whenThePartnerMakesAReceiptThenVerifyAcceptsItForThatTransferAndMessage() throws Exception {
        Path receipt = dir.resolve("receipt.p7s");
        CommandRun made = CommandRun.of(with("receipt", message.toString(), "--out", receipt.toString()));

        CommandRun verified = CommandRun.of("verify", receipt.toString(), "--signer", partnerCert().toString(),
                "--ca", ca().toString(), "--transfer-id", TRANSFER, "--message", message.toString());

        assertThat(made.exitCode()).as(made.err()).isZero();
        assertThat(verified.exitCode()).as(verified.err()).isZero();
        assertThat(verified.out()).contains("VALID receipt for transfer " + TRANSFER, "signed-by:      CN=" + POLICE);
        byte[] json = new org.accord.gateway.crypto.ReceiptVerifier(java.time.Clock.systemUTC()).verify(Files.readAllBytes(receipt),
                TRANSFER, Fingerprints.sha256Hex(Files.readAllBytes(message)), List.of(pki.caCertificate()),
                List.of(pki.partnerCertificate(POLICE))).content().toJson();
        assertThat(ReceiptContent.parse(json).sealedSha256()).isEqualTo(Fingerprints.sha256Hex(Files.readAllBytes(message)));
    }

    @Test
    void whenTheReceiptIsCheckedAgainstAnotherTransferOrSignerThenVerifyExitsNonZeroWithTheReason() throws Exception {
        Path receipt = dir.resolve("receipt.p7s");
        CommandRun.of(with("receipt", message.toString(), "--out", receipt.toString()));

        CommandRun otherTransfer = CommandRun.of("verify", receipt.toString(), "--signer", partnerCert().toString(),
                "--ca", ca().toString(), "--transfer-id", "another", "--message", message.toString());
        CommandRun otherSigner = CommandRun.of("verify", receipt.toString(),
                "--signer", pki.directory().resolve("partners/la-northbridge-channel.crt").toString(),
                "--ca", ca().toString(), "--transfer-id", TRANSFER, "--sealed-sha256", Fingerprints.sha256Hex(Files.readAllBytes(message)));

        assertThat(otherTransfer.exitCode()).isEqualTo(PartnerTool.REJECTED);
        assertThat(otherTransfer.err()).contains("RECEIPT_INVALID TRANSFER_MISMATCH");
        assertThat(otherSigner.exitCode()).isEqualTo(PartnerTool.REJECTED);
        assertThat(otherSigner.err()).contains("RECEIPT_INVALID SIGNER_NOT_PARTNER");
    }

    @Test
    void whenThePartnerSealsAMessageForTheGatewayThenTheGatewayOpensItAndVerifyAcceptsTheGatewaysReceiptForIt()
            throws Exception {
        String pushed = "9b1c2d3e-4f5a-4b6c-8d7e-0f1a2b3c4d5e";
        Path outcome = Files.writeString(dir.resolve("outcome.json"), "{\"outcome\":\"demo\"}");
        Path sent = dir.resolve(pushed + ".p7m");
        CommandRun sealing = CommandRun.of("seal", outcome.toString(), "--key", pki.directory().resolve("partners/" + POLICE + ".key").toString(),
                "--cert", partnerCert().toString(), "--gateway-cert", pki.directory().resolve("gateway.crt").toString(),
                "--transfer-id", pushed, "--out", sent.toString());
        byte[] sealed = Files.readAllBytes(sent);
        OpenedMessage atTheGateway = new CmsOpener().open(sealed, pki.gatewayKey(), pki.gatewayCertificate(), List.of(pki.caCertificate()),
                java.time.Clock.systemUTC());
        // The gateway's receipt for an inbound message, as POST /api/v1/inbound and the inbound queue answer it.
        byte[] gatewayReceipt = new ReceiptSigner(pki.gatewayKey(), List.of(pki.gatewayCertificate(), pki.caCertificate()),
                java.time.Clock.systemUTC()).sign(new ReceiptContent(pushed, Fingerprints.sha256Hex(sealed), java.time.Instant.now()));
        Path receipt = Files.write(dir.resolve("gateway-receipt.p7s"), gatewayReceipt);
        Path gatewayCert = pki.directory().resolve("gateway.crt");

        CommandRun verified = CommandRun.of("verify", receipt.toString(), "--signer", gatewayCert.toString(), "--ca", ca().toString(),
                "--transfer-id", pushed, "--message", sent.toString());
        CommandRun notOurs = CommandRun.of("verify", receipt.toString(), "--signer", partnerCert().toString(), "--ca", ca().toString(),
                "--transfer-id", pushed, "--message", sent.toString());

        assertThat(sealing.exitCode()).as(sealing.err()).isZero();
        assertThat(atTheGateway.transferId()).isEqualTo(pushed);
        assertThat(atTheGateway.signer()).isEqualTo(pki.partnerCertificate(POLICE));
        assertThat(new String(atTheGateway.content(), StandardCharsets.UTF_8)).isEqualTo("{\"outcome\":\"demo\"}");
        assertThat(verified.exitCode()).as(verified.err()).isZero();
        assertThat(verified.out()).contains("VALID receipt for transfer " + pushed).contains("CN=accord-gateway");
        assertThat(notOurs.exitCode()).isEqualTo(PartnerTool.REJECTED);
        assertThat(notOurs.err()).contains("RECEIPT_INVALID SIGNER_NOT_PARTNER");
    }

    @Test
    void whenFetchIsAskedToAcknowledgeWithoutKeysThenItIsAUsageError() {
        CommandRun run = CommandRun.of("fetch", "--gateway", "http://127.0.0.1:9", "--client-id", "x", "--client-secret", "y",
                "--to", dir.toString(), "--ack");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--key, --cert and --ca");
    }

    private String[] with(String command, String... rest) {
        List<String> args = new java.util.ArrayList<>(List.of(command));
        args.addAll(List.of(rest));
        args.addAll(List.of("--key", pki.directory().resolve("partners/" + POLICE + ".key").toString(),
                "--cert", partnerCert().toString(), "--ca", ca().toString()));
        return args.toArray(String[]::new);
    }

    private Path partnerCert() {
        return pki.directory().resolve("partners/" + POLICE + ".crt");
    }

    private Path ca() {
        return pki.directory().resolve("ca.crt");
    }
}
