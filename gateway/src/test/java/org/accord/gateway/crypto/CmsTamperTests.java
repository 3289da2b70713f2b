package org.accord.gateway.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CmsTamperTests {

    private static final byte[] CONTENT = "referral R-2".getBytes(StandardCharsets.UTF_8);
    private static final String TRANSFER_ID = "transfer-2";
    private static final int SAMPLES = 64;
    private static final Clock CLOCK = Clock.fixed(Instant.now(), ZoneOffset.UTC);

    @TempDir
    static Path ecDirectory;

    @TempDir
    static Path rsaDirectory;

    @TempDir
    static Path otherDirectory;

    private static DemoPki ec;
    private static DemoPki rsa;
    private static DemoPki other;

    @BeforeAll
    static void createKeys() {
        ec = DemoPki.ensure(ecDirectory, List.of("uni-a", "uni-c"), KeyAlgorithm.EC_P256, CLOCK);
        rsa = DemoPki.ensure(rsaDirectory, List.of("uni-b"), KeyAlgorithm.RSA_3072, CLOCK);
        other = DemoPki.ensure(otherDirectory, List.of("uni-a"), KeyAlgorithm.EC_P256, CLOCK);
    }

    @ParameterizedTest
    @EnumSource(KeyAlgorithm.class)
    void whenAnySampledByteIsFlippedThenOpenRejects(KeyAlgorithm algorithm) {
        DemoPki pki = algorithm == KeyAlgorithm.EC_P256 ? ec : rsa;
        String partner = algorithm == KeyAlgorithm.EC_P256 ? "uni-a" : "uni-b";
        byte[] der = sealer(pki).seal(CONTENT, TRANSFER_ID, pki.partnerCertificate(partner)).der();

        List<Integer> accepted = new ArrayList<>();
        for (int sample = 0; sample < SAMPLES; sample++) {
            int position = (int) ((long) sample * (der.length - 1) / (SAMPLES - 1));
            for (int mask : new int[] {0x01, 0xFF}) {
                byte[] tampered = der.clone();
                tampered[position] ^= (byte) mask;
                try {
                    new CmsOpener().open(tampered, pki.partnerKey(partner), pki.partnerCertificate(partner),
                            List.of(pki.caCertificate()), CLOCK);
                    accepted.add(position);
                } catch (MessageRejectedException expected) {
                    // a rejection is the outcome under test
                }
            }
        }

        assertThat(accepted).as("positions where a flipped byte was accepted").isEmpty();
    }

    @Test
    void whenAnyByteOfAnEcMessageIsFlippedThenOpenRejects() {
        byte[] der = sealer(ec).seal(CONTENT, TRANSFER_ID, ec.partnerCertificate("uni-a")).der();

        List<Integer> accepted = new ArrayList<>();
        for (int position = 0; position < der.length; position++) {
            byte[] tampered = der.clone();
            tampered[position] ^= 0x01;
            try {
                new CmsOpener().open(tampered, ec.partnerKey("uni-a"), ec.partnerCertificate("uni-a"),
                        List.of(ec.caCertificate()), CLOCK);
                accepted.add(position);
            } catch (MessageRejectedException expected) {
                // a rejection is the outcome under test
            }
        }

        assertThat(accepted).as("positions where a flipped byte was accepted").isEmpty();
    }

    @Test
    void whenOpenedWithAnotherPartnersCredentialThenNotForThisRecipient() {
        byte[] der = sealer(ec).seal(CONTENT, TRANSFER_ID, ec.partnerCertificate("uni-a")).der();

        assertThatThrownBy(() -> new CmsOpener().open(der, ec.partnerKey("uni-c"), ec.partnerCertificate("uni-c"),
                List.of(ec.caCertificate()), CLOCK))
                .isInstanceOfSatisfying(MessageRejectedException.class,
                        e -> assertThat(e.code()).isEqualTo(RejectionCode.NOT_FOR_THIS_RECIPIENT));
    }

    @Test
    void whenOpenedWithWrongKeyForRecipientCertificateThenDecryptionFailed() {
        byte[] der = sealer(ec).seal(CONTENT, TRANSFER_ID, ec.partnerCertificate("uni-a")).der();

        assertThatThrownBy(() -> new CmsOpener().open(der, ec.partnerKey("uni-c"), ec.partnerCertificate("uni-a"),
                List.of(ec.caCertificate()), CLOCK))
                .isInstanceOfSatisfying(MessageRejectedException.class,
                        e -> assertThat(e.code()).isEqualTo(RejectionCode.DECRYPTION_FAILED));
    }

    @Test
    void whenSignerNotIssuedByTrustAnchorThenSignerUntrusted() {
        byte[] der = sealer(other).seal(CONTENT, TRANSFER_ID, ec.partnerCertificate("uni-a")).der();

        assertThatThrownBy(() -> new CmsOpener().open(der, ec.partnerKey("uni-a"), ec.partnerCertificate("uni-a"),
                List.of(ec.caCertificate()), CLOCK))
                .isInstanceOfSatisfying(MessageRejectedException.class,
                        e -> assertThat(e.code()).isEqualTo(RejectionCode.SIGNER_UNTRUSTED));
    }

    @Test
    void whenOpenedAfterSignerCertificateExpiredThenSignerCertificateExpired() {
        byte[] der = sealer(ec).seal(CONTENT, TRANSFER_ID, ec.partnerCertificate("uni-a")).der();
        Clock afterExpiry = Clock.fixed(ec.gatewayCertificate().getNotAfter().toInstant().plusSeconds(86_400),
                ZoneOffset.UTC);

        assertThatThrownBy(() -> new CmsOpener().open(der, ec.partnerKey("uni-a"), ec.partnerCertificate("uni-a"),
                List.of(ec.caCertificate()), afterExpiry))
                .isInstanceOfSatisfying(MessageRejectedException.class,
                        e -> assertThat(e.code()).isEqualTo(RejectionCode.SIGNER_CERTIFICATE_EXPIRED));
    }

    @Test
    void whenBytesAreNotCmsThenMalformed() {
        byte[] garbage = "not a CMS message".getBytes(StandardCharsets.US_ASCII);

        assertThatThrownBy(() -> new CmsOpener().open(garbage, ec.partnerKey("uni-a"), ec.partnerCertificate("uni-a"),
                List.of(ec.caCertificate()), CLOCK))
                .isInstanceOfSatisfying(MessageRejectedException.class,
                        e -> assertThat(e.code()).isEqualTo(RejectionCode.MALFORMED));
    }

    @Test
    void whenMessageTruncatedThenMalformed() {
        byte[] der = sealer(ec).seal(CONTENT, TRANSFER_ID, ec.partnerCertificate("uni-a")).der();
        byte[] truncated = Arrays.copyOf(der, der.length - 1);

        assertThatThrownBy(() -> new CmsOpener().open(truncated, ec.partnerKey("uni-a"),
                ec.partnerCertificate("uni-a"), List.of(ec.caCertificate()), CLOCK))
                .isInstanceOfSatisfying(MessageRejectedException.class,
                        e -> assertThat(e.code()).isEqualTo(RejectionCode.MALFORMED));
    }

    private static CmsSealer sealer(DemoPki pki) {
        return new CmsSealer(pki.gatewayKey(), List.of(pki.gatewayCertificate()), CLOCK);
    }
}
