package org.accord.gateway.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Accord's messages against stock OpenSSL 3.0 in both directions, with the command lines the
 * README walk-through documents. Skipped when {@code openssl} is not on PATH.
 */
class CmsOpenSslInteropTests {

    private static final byte[] CONTENT = "{\"referral\":\"R-3\",\"concern\":\"demo\"}\n"
            .getBytes(StandardCharsets.UTF_8);
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    @TempDir
    static Path ecDirectory;

    @TempDir
    static Path rsaDirectory;

    @TempDir
    Path work;

    private static DemoPki ec;
    private static DemoPki rsa;

    @BeforeAll
    static void requireOpenSslAndCreateKeys() {
        Assumptions.assumeTrue(OpenSslCli.find().isPresent(),
                "openssl is not on PATH: skipping the OpenSSL interoperability tests");
        ec = DemoPki.ensure(ecDirectory, List.of("uni-a"), KeyAlgorithm.EC_P256, CLOCK);
        rsa = DemoPki.ensure(rsaDirectory, List.of("uni-b"), KeyAlgorithm.RSA_3072, CLOCK);
    }

    @Test
    void whenAccordSealsForEcPartnerThenOpenSslDecryptsAndVerifies() throws Exception {
        assertOpenSslOpensAccordMessage(ec, "uni-a");
    }

    @Test
    void whenAccordSealsForRsaPartnerThenOpenSslDecryptsAndVerifies() throws Exception {
        assertOpenSslOpensAccordMessage(rsa, "uni-b");
    }

    @Test
    void whenOpenSslSignsAndEncryptsGcmForEcGatewayThenAccordOpensWithoutTransferId() throws Exception {
        byte[] der = openSslSignAndEncrypt(ec, "uni-a", "-aes-256-gcm", "-keyopt", "ecdh_kdf_md:sha256");

        OpenedMessage opened = new CmsOpener().open(der, ec.gatewayKey(), ec.gatewayCertificate(),
                List.of(ec.caCertificate()), CLOCK, OpenOptions.fromStandardCmsTools());

        assertThat(opened.content()).isEqualTo(CONTENT);
        assertThat(opened.signer()).isEqualTo(ec.partnerCertificate("uni-a"));
        assertThat(opened.transferId()).isNull();
        assertThat(opened.signingTime()).isBetween(NOW.minusSeconds(300), Instant.now().plusSeconds(300));
    }

    @Test
    void whenOpenSslSignsAndEncryptsGcmForRsaGatewayThenAccordOpensWithoutTransferId() throws Exception {
        byte[] der = openSslSignAndEncrypt(rsa, "uni-b", "-aes-256-gcm",
                "-keyopt", "rsa_padding_mode:oaep", "-keyopt", "rsa_oaep_md:sha256", "-keyopt", "rsa_mgf1_md:sha256");

        OpenedMessage opened = new CmsOpener().open(der, rsa.gatewayKey(), rsa.gatewayCertificate(),
                List.of(rsa.caCertificate()), CLOCK, OpenOptions.fromStandardCmsTools());

        assertThat(opened.content()).isEqualTo(CONTENT);
        assertThat(opened.signer()).isEqualTo(rsa.partnerCertificate("uni-b"));
        assertThat(opened.transferId()).isNull();
    }

    @Test
    void whenOpenSslMessageOpenedStrictlyThenTransferIdMissing() throws Exception {
        byte[] der = openSslSignAndEncrypt(ec, "uni-a", "-aes-256-gcm", "-keyopt", "ecdh_kdf_md:sha256");

        assertThatThrownBy(() -> new CmsOpener().open(der, ec.gatewayKey(), ec.gatewayCertificate(),
                List.of(ec.caCertificate()), CLOCK))
                .isInstanceOfSatisfying(MessageRejectedException.class,
                        e -> assertThat(e.code()).isEqualTo(RejectionCode.TRANSFER_ID_MISSING));
    }

    @Test
    void whenOpenSslEncryptsCbcThenAccordOpensOnlyWhenStandardToolsAccepted() throws Exception {
        byte[] der = openSslSignAndEncrypt(ec, "uni-a", "-aes-256-cbc", "-keyopt", "ecdh_kdf_md:sha256");

        assertThatThrownBy(() -> new CmsOpener().open(der, ec.gatewayKey(), ec.gatewayCertificate(),
                List.of(ec.caCertificate()), CLOCK, new OpenOptions(false, false)))
                .isInstanceOfSatisfying(MessageRejectedException.class,
                        e -> assertThat(e.code()).isEqualTo(RejectionCode.MALFORMED));
        OpenedMessage opened = new CmsOpener().open(der, ec.gatewayKey(), ec.gatewayCertificate(),
                List.of(ec.caCertificate()), CLOCK, OpenOptions.fromStandardCmsTools());
        assertThat(opened.content()).isEqualTo(CONTENT);
    }

    @Test
    void whenOpenSslUsesItsDefaultSha1KdfThenAccordRejectsAsMalformed() throws Exception {
        byte[] der = openSslSignAndEncrypt(ec, "uni-a", "-aes-256-gcm");

        assertThatThrownBy(() -> new CmsOpener().open(der, ec.gatewayKey(), ec.gatewayCertificate(),
                List.of(ec.caCertificate()), CLOCK, OpenOptions.fromStandardCmsTools()))
                .isInstanceOfSatisfying(MessageRejectedException.class,
                        e -> assertThat(e.code()).isEqualTo(RejectionCode.MALFORMED));
    }

    @Test
    void whenOpenSslSignsWithSha1ThenSignatureInvalid() throws Exception {
        byte[] der = openSslSignWithDigestAndEncrypt(ec, "uni-a", "sha1", "-aes-256-gcm", "-keyopt", "ecdh_kdf_md:sha256");

        assertThatThrownBy(() -> new CmsOpener().open(der, ec.gatewayKey(), ec.gatewayCertificate(),
                List.of(ec.caCertificate()), CLOCK, OpenOptions.fromStandardCmsTools()))
                .isInstanceOfSatisfying(MessageRejectedException.class,
                        e -> assertThat(e.code()).isEqualTo(RejectionCode.SIGNATURE_INVALID));
    }

    private void assertOpenSslOpensAccordMessage(DemoPki pki, String partner) throws Exception {
        SealedMessage sealed = new CmsSealer(pki.gatewayKey(), List.of(pki.gatewayCertificate()), CLOCK)
                .seal(CONTENT, "transfer-3", pki.partnerCertificate(partner));
        Files.write(work.resolve("msg.der"), sealed.der());
        Files.writeString(work.resolve("partner.crt"), Pem.certificate(pki.partnerCertificate(partner)));
        Files.copy(pki.directory().resolve("partners").resolve(partner + ".key"), work.resolve("partner.key"));
        Files.writeString(work.resolve("ca.crt"), Pem.certificate(pki.caCertificate()));

        OpenSslCli.run(work, "cms", "-decrypt", "-inform", "DER", "-in", "msg.der",
                "-recip", "partner.crt", "-inkey", "partner.key", "-out", "signed.der");
        OpenSslCli.run(work, "cms", "-verify", "-inform", "DER", "-in", "signed.der",
                "-CAfile", "ca.crt", "-purpose", "any", "-out", "content.bin");

        assertThat(Files.readAllBytes(work.resolve("content.bin"))).isEqualTo(CONTENT);
    }

    private byte[] openSslSignAndEncrypt(DemoPki pki, String partner, String cipher, String... keyOptions)
            throws Exception {
        return openSslSignWithDigestAndEncrypt(pki, partner, "sha256", cipher, keyOptions);
    }

    private byte[] openSslSignWithDigestAndEncrypt(DemoPki pki, String partner, String digest, String cipher,
            String... keyOptions) throws Exception {
        Files.write(work.resolve("content.bin"), CONTENT);
        Path partnerFiles = pki.directory().resolve("partners");
        Files.copy(partnerFiles.resolve(partner + ".crt"), work.resolve("partner.crt"));
        Files.copy(partnerFiles.resolve(partner + ".key"), work.resolve("partner.key"));
        Files.copy(pki.directory().resolve("gateway.crt"), work.resolve("gateway.crt"));

        OpenSslCli.run(work, "cms", "-sign", "-binary", "-nodetach", "-md", digest, "-in", "content.bin",
                "-signer", "partner.crt", "-inkey", "partner.key", "-outform", "DER", "-out", "signed.der");
        List<String> encrypt = new ArrayList<>(List.of("cms", "-encrypt", "-binary", cipher,
                "-in", "signed.der", "-outform", "DER", "-out", "msg.der", "-recip", "gateway.crt"));
        encrypt.addAll(List.of(keyOptions));
        OpenSslCli.run(work, encrypt.toArray(String[]::new));
        return Files.readAllBytes(work.resolve("msg.der"));
    }
}
