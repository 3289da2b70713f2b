package org.accord.gateway.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A partner's signed receipt is accepted only when every check passes; each failure has its own reason. */
class ReceiptVerifierTests {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final String TRANSFER = "9b1f3c1e-0d7a-4d43-8a55-3a4c1b2d7e10";
    private static final String DIGEST = Fingerprints.sha256Hex("sealed".getBytes(StandardCharsets.UTF_8));

    @TempDir
    static Path pkiDirectory;

    @TempDir
    static Path otherPkiDirectory;

    @TempDir
    static Path oldPkiDirectory;

    private static DemoPki pki;
    private static DemoPki otherPki;
    private static DemoPki oldPki;

    @BeforeAll
    static void keys() {
        pki = DemoPki.ensure(pkiDirectory, List.of("police", "council"), KeyAlgorithm.EC_P256, CLOCK);
        otherPki = DemoPki.ensure(otherPkiDirectory, List.of("police"), KeyAlgorithm.EC_P256, CLOCK);
        oldPki = DemoPki.ensure(oldPkiDirectory, List.of("police"), KeyAlgorithm.EC_P256,
                Clock.fixed(NOW.minus(Duration.ofDays(1000)), ZoneOffset.UTC));
    }

    @Test
    void whenPartnerSignsAMatchingReceiptThenItIsAcceptedWithItsDigestAndSigner() {
        byte[] der = receipt(pki, "police", new ReceiptContent(TRANSFER, DIGEST, NOW));

        VerifiedReceipt verified = verify(der, pki, pki.partnerCertificate("police"));

        assertThat(verified.content()).isEqualTo(new ReceiptContent(TRANSFER, DIGEST, NOW));
        assertThat(verified.sha256Hex()).isEqualTo(Fingerprints.sha256Hex(der));
        assertThat(verified.signerSha256()).isEqualTo(Fingerprints.sha256Hex(pki.partnerCertificate("police")));
        assertThat(verified.signerSubject()).contains("CN=police");
        assertThat(verified.signingTime()).isEqualTo(NOW);
    }

    @Test
    void whenReceiptNamesAnotherTransferThenItIsRejectedAsTransferMismatch() {
        byte[] der = receipt(pki, "police", new ReceiptContent("another-transfer", DIGEST, NOW));

        assertRejected(() -> verify(der, pki, pki.partnerCertificate("police")), ReceiptRejection.TRANSFER_MISMATCH);
    }

    @Test
    void whenReceiptNamesAnotherDigestThenItIsRejectedAsDigestMismatch() {
        byte[] der = receipt(pki, "police", new ReceiptContent(TRANSFER, "00".repeat(32), NOW));

        assertRejected(() -> verify(der, pki, pki.partnerCertificate("police")), ReceiptRejection.DIGEST_MISMATCH);
    }

    @Test
    void whenAnotherTrustedPartnerSignsThenItIsRejectedAsNotThePartner() {
        byte[] der = receipt(pki, "council", new ReceiptContent(TRANSFER, DIGEST, NOW));

        assertRejected(() -> verify(der, pki, pki.partnerCertificate("police")), ReceiptRejection.SIGNER_NOT_PARTNER);
    }

    @Test
    void whenSignerIsNotIssuedByATrustAnchorThenItIsRejectedAsUntrusted() {
        byte[] der = receipt(otherPki, "police", new ReceiptContent(TRANSFER, DIGEST, NOW));

        assertRejected(() -> verify(der, pki, otherPki.partnerCertificate("police")), ReceiptRejection.SIGNER_UNTRUSTED);
    }

    @Test
    void whenSignerCertificateHasExpiredThenItIsRejectedAsExpired() {
        byte[] der = new ReceiptSigner(oldPki.partnerKey("police"), List.of(oldPki.partnerCertificate("police")),
                Clock.fixed(NOW.minus(Duration.ofDays(900)), ZoneOffset.UTC)).sign(new ReceiptContent(TRANSFER, DIGEST, NOW));

        assertRejected(() -> verify(der, oldPki, oldPki.partnerCertificate("police")),
                ReceiptRejection.SIGNER_CERTIFICATE_EXPIRED);
    }

    @Test
    void whenAByteOfTheSignedReceiptIsChangedThenItIsRejected() {
        byte[] der = receipt(pki, "police", new ReceiptContent(TRANSFER, DIGEST, NOW));
        String json = new String(new ReceiptContent(TRANSFER, DIGEST, NOW).toJson(), StandardCharsets.UTF_8);
        int at = indexOf(der, TRANSFER.getBytes(StandardCharsets.UTF_8));
        assertThat(at).as("content is attached").isPositive();
        assertThat(json).contains(TRANSFER);
        der[at] ^= 0x01;

        assertRejected(() -> verify(der, pki, pki.partnerCertificate("police")), ReceiptRejection.SIGNATURE_INVALID);
    }

    @Test
    void whenTheBodyIsNotCmsThenItIsRejectedAsMalformed() {
        assertRejected(() -> verify("{\"transferId\":\"x\"}".getBytes(StandardCharsets.UTF_8), pki,
                pki.partnerCertificate("police")), ReceiptRejection.MALFORMED);
    }

    @Test
    void whenTheSignedContentIsNotReceiptJsonThenItIsRejectedAsContentInvalid() {
        byte[] der = new ReceiptSigner(pki.partnerKey("police"), List.of(pki.partnerCertificate("police")), CLOCK)
                .signBytes(("{\"transferId\":\"" + TRANSFER + "\",\"transferId\":\"x\",\"receivedAt\":\"" + NOW + "\"}")
                        .getBytes(StandardCharsets.UTF_8));

        assertRejected(() -> verify(der, pki, pki.partnerCertificate("police")), ReceiptRejection.CONTENT_INVALID);
    }

    private static VerifiedReceipt verify(byte[] der, DemoPki anchors, java.security.cert.X509Certificate partner) {
        return new ReceiptVerifier(CLOCK).verify(der, TRANSFER, DIGEST, List.of(anchors.caCertificate()), List.of(partner));
    }

    private static byte[] receipt(DemoPki from, String partner, ReceiptContent content) {
        return new ReceiptSigner(from.partnerKey(partner), List.of(from.partnerCertificate(partner)), CLOCK).sign(content);
    }

    private static void assertRejected(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, ReceiptRejection reason) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ReceiptRejectedException.class,
                e -> assertThat(e.reason()).isEqualTo(reason));
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
