package org.accord.gateway.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.accord.gateway.support.SoftHsm;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gateway's key in a PKCS#11 token (SoftHSM2): sealing, opening, receipts and plain signatures work with the
 * key inside the token, for EC P-256 and RSA 3072 keys, and what the token signs still opens and verifies with
 * stock OpenSSL. Skipped when SoftHSM2, OpenSC or OpenSSL is absent.
 */
class Pkcs11TokenTests {

    private static final byte[] CONTENT = "{\"referral\":\"R-11\",\"concern\":\"demo\"}\n".getBytes(StandardCharsets.UTF_8);
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    @TempDir
    static Path ecDirectory;

    @TempDir
    static Path rsaDirectory;

    @TempDir
    Path work;

    private static SoftHsm hsm;
    private static DemoPki ec;
    private static DemoPki rsa;
    private static Pkcs12.Credential ecInToken;
    private static Pkcs12.Credential rsaInToken;

    @BeforeAll
    static void importGatewayKeysIntoTheToken() {
        hsm = SoftHsm.token();
        Assumptions.assumeTrue(OpenSslCli.find().isPresent(), "openssl is not on PATH: skipping the PKCS#11 tests");
        ec = DemoPki.ensure(ecDirectory, List.of("uni-a"), KeyAlgorithm.EC_P256, CLOCK);
        rsa = DemoPki.ensure(rsaDirectory, List.of("uni-b"), KeyAlgorithm.RSA_3072, CLOCK);
        hsm.importKey("crypto-ec", ecDirectory.resolve("gateway.key"), ec.gatewayCertificate());
        hsm.importKey("crypto-rsa", rsaDirectory.resolve("gateway.key"), rsa.gatewayCertificate());
        Pkcs11Token token = Pkcs11Token.open(SoftHsm.LIBRARY, hsm.slot(), SoftHsm.PIN.toCharArray());
        ecInToken = token.credential("crypto-ec");
        rsaInToken = token.credential("crypto-rsa");
    }

    @Test
    void whenTheKeyIsReadFromTheTokenThenItStaysThereAndComesWithItsCertificate() {
        assertThat(ecInToken.key().getEncoded()).as("a token key cannot be exported").isNull();
        assertThat(rsaInToken.key().getEncoded()).isNull();
        assertThat(ecInToken.chain().get(0)).isEqualTo(ec.gatewayCertificate());
        assertThat(rsaInToken.chain().get(0)).isEqualTo(rsa.gatewayCertificate());
    }

    @Test
    void whenTheTokenIsNamedByLabelThenItsSlotIsFound() {
        assertThat(Pkcs11Token.slotOf(SoftHsm.LIBRARY, SoftHsm.TOKEN_LABEL)).isEqualTo(hsm.slot());
        assertThatThrownBy(() -> Pkcs11Token.slotOf(SoftHsm.LIBRARY, "no-such-token"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no-such-token");
    }

    @Test
    void whenTheKeyLabelIsUnknownThenTheTokenSaysSo() {
        Pkcs11Token token = Pkcs11Token.open(SoftHsm.LIBRARY, hsm.slot(), SoftHsm.PIN.toCharArray());

        assertThatThrownBy(() -> token.credential("no-such-key"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no-such-key");
    }

    @Test
    void whenTheTokenEcKeySealsThenOpenSslDecryptsAndVerifies() throws Exception {
        assertOpenSslOpens(ec, ecInToken, "uni-a");
    }

    @Test
    void whenTheTokenRsaKeySealsThenOpenSslDecryptsAndVerifies() throws Exception {
        assertOpenSslOpens(rsa, rsaInToken, "uni-b");
    }

    @Test
    void whenAPartnerSealsForTheGatewayThenTheTokenEcKeyOpensIt() {
        assertTokenOpensPartnerMessage(ec, ecInToken, "uni-a");
    }

    @Test
    void whenAPartnerSealsForTheGatewayThenTheTokenRsaKeyOpensIt() {
        assertTokenOpensPartnerMessage(rsa, rsaInToken, "uni-b");
    }

    @Test
    void whenOpenSslSealsForTheGatewayThenTheTokenKeysOpenItInGcmAndCbc() throws Exception {
        byte[] ecGcm = openSslSignAndEncrypt(ec, "uni-a", "-aes-256-gcm", "-keyopt", "ecdh_kdf_md:sha256");
        byte[] ecCbc = openSslSignAndEncrypt(ec, "uni-a", "-aes-256-cbc", "-keyopt", "ecdh_kdf_md:sha256");
        byte[] rsaGcm = openSslSignAndEncrypt(rsa, "uni-b", "-aes-256-gcm",
                "-keyopt", "rsa_padding_mode:oaep", "-keyopt", "rsa_oaep_md:sha256", "-keyopt", "rsa_mgf1_md:sha256");

        for (byte[] der : List.of(ecGcm, ecCbc)) {
            assertThat(new CmsOpener().open(der, ecInToken.key(), ec.gatewayCertificate(), List.of(ec.caCertificate()),
                    CLOCK, OpenOptions.fromStandardCmsTools()).content()).isEqualTo(CONTENT);
        }
        assertThat(new CmsOpener().open(rsaGcm, rsaInToken.key(), rsa.gatewayCertificate(), List.of(rsa.caCertificate()),
                CLOCK, OpenOptions.fromStandardCmsTools()).content()).isEqualTo(CONTENT);
    }

    @Test
    void whenAMessageIsSealedForAnotherRecipientThenTheTokenKeyRefusesIt() {
        PrivateKey partnerKey = Pem.readPrivateKey(ecDirectory.resolve("partners/uni-a.key"));
        SealedMessage sealed = new CmsSealer(partnerKey, List.of(ec.partnerCertificate("uni-a")), CLOCK)
                .seal(CONTENT, "transfer-11", ec.partnerCertificate("uni-a"));

        assertThatThrownBy(() -> new CmsOpener().open(sealed.der(), ecInToken.key(), ec.gatewayCertificate(),
                List.of(ec.caCertificate()), CLOCK))
                .isInstanceOfSatisfying(MessageRejectedException.class,
                        e -> assertThat(e.code()).isEqualTo(RejectionCode.NOT_FOR_THIS_RECIPIENT));
    }

    @Test
    void whenATamperedMessageReachesTheTokenKeyThenDecryptionFails() {
        PrivateKey partnerKey = Pem.readPrivateKey(ecDirectory.resolve("partners/uni-a.key"));
        byte[] der = new CmsSealer(partnerKey, List.of(ec.partnerCertificate("uni-a")), CLOCK)
                .seal(CONTENT, "transfer-12", ec.gatewayCertificate()).der();
        der[der.length - 40] ^= 0x01;

        assertThatThrownBy(() -> new CmsOpener().open(der, ecInToken.key(), ec.gatewayCertificate(),
                List.of(ec.caCertificate()), CLOCK))
                .isInstanceOf(MessageRejectedException.class);
    }

    @Test
    void whenTheTokenKeySignsAReceiptThenItVerifiesAgainstTheGatewayCertificate() {
        for (var pair : List.of(List.of(ec, ecInToken), List.of(rsa, rsaInToken))) {
            DemoPki pki = (DemoPki) pair.get(0);
            Pkcs12.Credential token = (Pkcs12.Credential) pair.get(1);
            byte[] receipt = new ReceiptSigner(token.key(), token.chain(), CLOCK)
                    .sign(new ReceiptContent("transfer-13", "ab".repeat(32), NOW));

            VerifiedReceipt verified = new ReceiptVerifier(CLOCK).verify(receipt, "transfer-13", "ab".repeat(32),
                    List.of(pki.caCertificate()), List.of(pki.gatewayCertificate()));

            assertThat(verified.signer()).isEqualTo(pki.gatewayCertificate());
        }
    }

    @Test
    void whenTheTokenKeySignsAPayloadThenTheCertificateVerifiesIt() throws Exception {
        byte[] payload = "checkpoint 42".getBytes(StandardCharsets.UTF_8);
        for (var token : List.of(ecInToken, rsaInToken)) {
            byte[] signature = Signatures.sign(token.key(), payload);

            Signature verifier = Signature.getInstance(Signatures.algorithm(token.key()));
            verifier.initVerify(token.chain().get(0).getPublicKey());
            verifier.update(payload);
            assertThat(verifier.verify(signature)).isTrue();
        }
    }

    private void assertTokenOpensPartnerMessage(DemoPki pki, Pkcs12.Credential token, String partner) {
        PrivateKey partnerKey = Pem.readPrivateKey(pki.directory().resolve("partners").resolve(partner + ".key"));
        SealedMessage sealed = new CmsSealer(partnerKey, List.of(pki.partnerCertificate(partner)), CLOCK)
                .seal(CONTENT, "transfer-10", pki.gatewayCertificate());

        OpenedMessage opened = new CmsOpener().open(sealed.der(), token.key(), pki.gatewayCertificate(),
                List.of(pki.caCertificate()), CLOCK);

        assertThat(opened.content()).isEqualTo(CONTENT);
        assertThat(opened.transferId()).isEqualTo("transfer-10");
        assertThat(opened.signer()).isEqualTo(pki.partnerCertificate(partner));
    }

    private void assertOpenSslOpens(DemoPki pki, Pkcs12.Credential token, String partner) throws Exception {
        SealedMessage sealed = new CmsSealer(token.key(), token.chain(), CLOCK)
                .seal(CONTENT, "transfer-14", pki.partnerCertificate(partner));
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

    private byte[] openSslSignAndEncrypt(DemoPki pki, String partner, String cipher, String... keyOptions) throws Exception {
        Path dir = Files.createTempDirectory(work, "openssl-");
        Files.write(dir.resolve("content.bin"), CONTENT);
        Path partnerFiles = pki.directory().resolve("partners");
        Files.copy(partnerFiles.resolve(partner + ".crt"), dir.resolve("partner.crt"));
        Files.copy(partnerFiles.resolve(partner + ".key"), dir.resolve("partner.key"));
        Files.copy(pki.directory().resolve("gateway.crt"), dir.resolve("gateway.crt"));
        OpenSslCli.run(dir, "cms", "-sign", "-binary", "-nodetach", "-md", "sha256", "-in", "content.bin",
                "-signer", "partner.crt", "-inkey", "partner.key", "-outform", "DER", "-out", "signed.der");
        List<String> encrypt = new ArrayList<>(List.of("cms", "-encrypt", "-binary", cipher,
                "-in", "signed.der", "-outform", "DER", "-out", "msg.der", "-recip", "gateway.crt"));
        encrypt.addAll(List.of(keyOptions));
        OpenSslCli.run(dir, encrypt.toArray(String[]::new));
        return Files.readAllBytes(dir.resolve("msg.der"));
    }
}
