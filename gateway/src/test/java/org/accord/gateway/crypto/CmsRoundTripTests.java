package org.accord.gateway.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CmsRoundTripTests {

    private static final byte[] CONTENT = "{\"subject\":\"safeguarding referral\",\"ref\":\"R-1\"}"
            .getBytes(StandardCharsets.UTF_8);
    private static final String TRANSFER_ID = "6f1c2d3e-0000-4000-8000-00000000abcd";
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    @TempDir
    static Path ecDirectory;

    @TempDir
    static Path rsaDirectory;

    private static DemoPki ec;
    private static DemoPki rsa;

    @BeforeAll
    static void createKeys() {
        ec = DemoPki.ensure(ecDirectory, List.of("uni-a"), KeyAlgorithm.EC_P256, CLOCK);
        rsa = DemoPki.ensure(rsaDirectory, List.of("uni-b"), KeyAlgorithm.RSA_3072, CLOCK);
    }

    @Test
    void whenTheEcPartnerCertificateIsReadBackFromItsPemFileThenThePartnerStillOpensTheMessage() {
        java.security.cert.X509Certificate fromFile = Pem.readCertificate(ec.directory().resolve("partners/uni-a.crt"));
        SealedMessage sealed = sealer(ec).seal(CONTENT, TRANSFER_ID, fromFile);

        OpenedMessage opened = new CmsOpener().open(sealed.der(), ec.partnerKey("uni-a"), fromFile,
                List.of(Pem.readCertificate(ec.directory().resolve("ca.crt"))), CLOCK);

        assertOpenedAsSealed(opened, ec);
    }

    @Test
    void whenEcGatewaySealsForEcPartnerThenPartnerOpensContentTransferIdSignerAndSigningTime() {
        SealedMessage sealed = sealer(ec).seal(CONTENT, TRANSFER_ID, ec.partnerCertificate("uni-a"));

        OpenedMessage opened = new CmsOpener().open(sealed.der(), ec.partnerKey("uni-a"),
                ec.partnerCertificate("uni-a"), List.of(ec.caCertificate()), CLOCK);

        assertOpenedAsSealed(opened, ec);
    }

    @Test
    void whenRsaGatewaySealsForRsaPartnerThenPartnerOpensContentTransferIdSignerAndSigningTime() {
        SealedMessage sealed = sealer(rsa).seal(CONTENT, TRANSFER_ID, rsa.partnerCertificate("uni-b"));

        OpenedMessage opened = new CmsOpener().open(sealed.der(), rsa.partnerKey("uni-b"),
                rsa.partnerCertificate("uni-b"), List.of(rsa.caCertificate()), CLOCK);

        assertOpenedAsSealed(opened, rsa);
    }

    @Test
    void whenEcGatewaySealsForRsaPartnerThenPartnerOpensIt() {
        SealedMessage sealed = sealer(ec).seal(CONTENT, TRANSFER_ID, rsa.partnerCertificate("uni-b"));

        OpenedMessage opened = new CmsOpener().open(sealed.der(), rsa.partnerKey("uni-b"),
                rsa.partnerCertificate("uni-b"), List.of(rsa.caCertificate(), ec.caCertificate()), CLOCK);

        assertOpenedAsSealed(opened, ec);
    }

    @Test
    void whenRsaGatewaySealsForEcPartnerThenPartnerOpensIt() {
        SealedMessage sealed = sealer(rsa).seal(CONTENT, TRANSFER_ID, ec.partnerCertificate("uni-a"));

        OpenedMessage opened = new CmsOpener().open(sealed.der(), ec.partnerKey("uni-a"),
                ec.partnerCertificate("uni-a"), List.of(rsa.caCertificate()), CLOCK);

        assertOpenedAsSealed(opened, rsa);
    }

    @Test
    void whenSealedThenDigestsDescribeMessageAndSigner() {
        SealedMessage sealed = sealer(ec).seal(CONTENT, TRANSFER_ID, ec.partnerCertificate("uni-a"));

        assertThat(sealed.sha256Hex()).isEqualTo(Fingerprints.sha256Hex(sealed.der()));
        assertThat(sealed.signerCertificateSha256()).isEqualTo(Fingerprints.sha256Hex(ec.gatewayCertificate()));
        assertThat(sealed.der()[0]).as("DER SEQUENCE tag").isEqualTo((byte) 0x30);
    }

    @Test
    void whenSameContentSealedTwiceThenCiphertextsDiffer() {
        CmsSealer sealer = sealer(ec);

        SealedMessage first = sealer.seal(CONTENT, TRANSFER_ID, ec.partnerCertificate("uni-a"));
        SealedMessage second = sealer.seal(CONTENT, TRANSFER_ID, ec.partnerCertificate("uni-a"));

        assertThat(first.der()).isNotEqualTo(second.der());
    }

    @Test
    void whenSigningKeyDoesNotMatchCertificateThenSealerRefusesToStart() {
        assertThatThrownBy(() -> new CmsSealer(ec.partnerKey("uni-a"), List.of(ec.gatewayCertificate()), CLOCK))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void whenTransferIdBlankThenSealRefuses() {
        assertThatThrownBy(() -> sealer(ec).seal(CONTENT, " ", ec.partnerCertificate("uni-a")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void whenRecipientCertificateIsOnlyForSigningThenSealRefuses() {
        assertThatThrownBy(() -> sealer(ec).seal(CONTENT, TRANSFER_ID, ec.caCertificate()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static CmsSealer sealer(DemoPki pki) {
        return new CmsSealer(pki.gatewayKey(), List.of(pki.gatewayCertificate()), CLOCK);
    }

    private static void assertOpenedAsSealed(OpenedMessage opened, DemoPki signerPki) {
        assertThat(opened.content()).isEqualTo(CONTENT);
        assertThat(opened.transferId()).isEqualTo(TRANSFER_ID);
        assertThat(opened.signer()).isEqualTo(signerPki.gatewayCertificate());
        assertThat(opened.signingTime()).isEqualTo(NOW);
    }
}
