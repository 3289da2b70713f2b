package org.accord.gateway.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A receipt made with stock OpenSSL and the command line the README documents is accepted, and one made
 * by Accord verifies with {@code openssl cms -verify}. Skipped when {@code openssl} is not on PATH.
 */
class ReceiptOpenSslInteropTests {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final String TRANSFER = "5c0e8d4b-1f2a-4b3c-9d8e-7f6a5b4c3d2e";
    private static final String DIGEST = "ab".repeat(32);

    @TempDir
    static Path ecDirectory;

    @TempDir
    static Path rsaDirectory;

    @TempDir
    Path work;

    @BeforeAll
    static void requireOpenSsl() {
        Assumptions.assumeTrue(OpenSslCli.find().isPresent(),
                "openssl is not on PATH: skipping the OpenSSL receipt interoperability tests");
    }

    @Test
    void whenEcPartnerSignsReceiptWithStockOpensslThenAccordAcceptsIt() throws Exception {
        assertOpenSslReceiptAccepted(DemoPki.ensure(ecDirectory, List.of("partner"), KeyAlgorithm.EC_P256, CLOCK));
    }

    @Test
    void whenRsaPartnerSignsReceiptWithStockOpensslThenAccordAcceptsIt() throws Exception {
        assertOpenSslReceiptAccepted(DemoPki.ensure(rsaDirectory, List.of("partner"), KeyAlgorithm.RSA_3072, CLOCK));
    }

    @Test
    void whenAccordSignsAReceiptThenStockOpensslVerifiesItAndReadsTheJson() throws Exception {
        DemoPki pki = DemoPki.ensure(ecDirectory, List.of("partner"), KeyAlgorithm.EC_P256, CLOCK);
        ReceiptContent content = new ReceiptContent(TRANSFER, DIGEST, NOW);
        Files.write(work.resolve("receipt.p7s"),
                new ReceiptSigner(pki.partnerKey("partner"), List.of(pki.partnerCertificate("partner")), CLOCK).sign(content));

        String output = OpenSslCli.run(work, "cms", "-verify", "-inform", "DER", "-in", "receipt.p7s",
                "-CAfile", pki.directory().resolve("ca.crt").toString(), "-purpose", "any", "-out", "receipt.json");

        assertThat(output).contains("Verification successful");
        assertThat(ReceiptContent.parse(Files.readAllBytes(work.resolve("receipt.json")))).isEqualTo(content);
    }

    private void assertOpenSslReceiptAccepted(DemoPki pki) throws Exception {
        Path partner = pki.directory().resolve("partners");
        Files.write(work.resolve("receipt.json"), new ReceiptContent(TRANSFER, DIGEST, NOW).toJson());

        OpenSslCli.run(work, "cms", "-sign", "-binary", "-nodetach", "-outform", "DER", "-md", "sha256",
                "-signer", partner.resolve("partner.crt").toString(), "-inkey", partner.resolve("partner.key").toString(),
                "-in", "receipt.json", "-out", "receipt.p7s");

        VerifiedReceipt verified = new ReceiptVerifier(Clock.systemUTC()).verify(Files.readAllBytes(work.resolve("receipt.p7s")),
                TRANSFER, DIGEST, List.of(pki.caCertificate()), List.of(pki.partnerCertificate("partner")));
        assertThat(verified.content().transferId()).isEqualTo(TRANSFER);
        assertThat(verified.signer()).isEqualTo(pki.partnerCertificate("partner"));
    }
}
