package org.accord.gateway.partner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.accord.gateway.crypto.CmsSealer;
import org.accord.gateway.crypto.DemoPki;
import org.accord.gateway.crypto.Fingerprints;
import org.accord.gateway.crypto.KeyAlgorithm;
import org.accord.gateway.partner.KeyMaterialConfiguration.GatewayCredential;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;

/**
 * Production key material from configuration: the signing key from PKCS#12, previous signing certificates
 * still recognised after a rotation, and a partner directory with signature certificates, TLS identity and
 * endpoint.
 */
class KeyMaterialConfigurationTests {

    private static final char[] PASSWORD = "demo-store-password".toCharArray();

    @TempDir
    Path dir;

    @Test
    void whenTheSigningKeyComesFromPkcs12AfterARotationThenTheNewKeySignsAndTheOldCertificateIsStillRecognised()
            throws Exception {
        DemoPki before = DemoPki.ensure(dir.resolve("before"), List.of("police"), KeyAlgorithm.EC_P256, Clock.systemUTC());
        DemoPki after = DemoPki.ensure(dir.resolve("after"), List.of(), KeyAlgorithm.EC_P256, Clock.systemUTC());
        Path store = keystore(after);
        Path partnerCert = before.directory().resolve("partners/police.crt");
        PkiProperties pki = new PkiProperties(null, null, null, null, store, new String(PASSWORD), "accord",
                List.of(before.directory().resolve("gateway.crt")), List.of(before.directory().resolve("ca.crt")), null, null);
        PartnerProperties partners = new PartnerProperties(Map.of("police", new PartnerProperties.Partner("Police",
                partnerCert, List.of(partnerCert), "AB:CD:EF", java.net.URI.create("https://police.example/accord"))));

        GatewayCredential credential = new KeyMaterialConfiguration()
                .gatewayCredential(pki, partners, new MockEnvironment(), false, Clock.systemUTC());
        KeyMaterialConfiguration configuration = new KeyMaterialConfiguration();
        SigningCertificates own = configuration.signingCertificates(credential);
        CmsSealer sealer = configuration.cmsSealer(credential, Clock.systemUTC());

        assertThat(sealer.seal(new byte[] {1}, "t-1", before.partnerCertificate("police")).signerCertificateSha256())
                .isEqualTo(Fingerprints.sha256Hex(after.gatewayCertificate()));
        assertThat(own.recognises(before.gatewayCertificate())).isTrue();
        assertThat(own.bySha256(Fingerprints.sha256Hex(before.gatewayCertificate()))).contains(before.gatewayCertificate());
        assertThat(own.recognises(before.partnerCertificate("police"))).isFalse();
        PartnerEntry police = credential.partners().partner("police").orElseThrow();
        assertThat(police.tlsClientFingerprint()).isEqualTo("abcdef");
        assertThat(police.endpoint()).hasToString("https://police.example/accord");
        assertThat(credential.partners().signatureCertificates("police")).containsExactly(before.partnerCertificate("police"));
        assertThat(credential.partners().trustAnchors()).containsExactly(before.caCertificate());
    }

    @Test
    void whenBothAKeyStoreAndPemFilesAreConfiguredThenTheGatewayRefusesToStart() throws Exception {
        DemoPki pki = DemoPki.ensure(dir.resolve("pki"), List.of());
        PkiProperties properties = new PkiProperties(null, null, pki.directory().resolve("gateway.key"),
                pki.directory().resolve("gateway.crt"), keystore(pki), new String(PASSWORD), null, null, null, null, null);

        assertThatThrownBy(() -> new KeyMaterialConfiguration().gatewayCredential(properties, new PartnerProperties(null),
                new MockEnvironment(), false, Clock.systemUTC()))
                .hasMessageContaining("either accord.pki.keystore");
    }

    @Test
    void whenBothATokenAndAKeyStoreAreConfiguredThenTheGatewayRefusesToStart() throws Exception {
        DemoPki pki = DemoPki.ensure(dir.resolve("pki"), List.of());
        PkiProperties properties = new PkiProperties(null, null, null, null, keystore(pki), new String(PASSWORD), null, null,
                null, null, new PkiProperties.Pkcs11(Path.of("/usr/lib/softhsm/libsofthsm2.so"), 1L, null, "1234", "gateway"));

        assertThatThrownBy(() -> new KeyMaterialConfiguration().gatewayCredential(properties, new PartnerProperties(null),
                new MockEnvironment(), false, Clock.systemUTC()))
                .hasMessageContaining("either accord.pki.pkcs11.*");
    }

    @Test
    void whenATokenIsNamedBySlotAndByLabelOrWithoutAPinThenTheGatewayRefusesToStart() {
        Path library = Path.of("/usr/lib/softhsm/libsofthsm2.so");
        PkiProperties both = new PkiProperties(null, null, null, null, null, null, null, null, null, null,
                new PkiProperties.Pkcs11(library, 1L, "accord", "1234", "gateway"));
        PkiProperties noPin = new PkiProperties(null, null, null, null, null, null, null, null, null, null,
                new PkiProperties.Pkcs11(library, 1L, null, null, "gateway"));

        assertThatThrownBy(() -> new KeyMaterialConfiguration().gatewayCredential(both, new PartnerProperties(null),
                new MockEnvironment(), false, Clock.systemUTC()))
                .hasMessageContaining("exactly one of accord.pki.pkcs11.slot and accord.pki.pkcs11.token-label");
        assertThatThrownBy(() -> new KeyMaterialConfiguration().gatewayCredential(noPin, new PartnerProperties(null),
                new MockEnvironment(), false, Clock.systemUTC()))
                .hasMessageContaining("accord.pki.pkcs11.pin");
        assertThat(noPin.toString()).doesNotContain("1234");
        assertThat(both.toString()).as("the PIN is never printed").doesNotContain("1234");
    }

    private Path keystore(DemoPki pki) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("accord", pki.gatewayKey(), PASSWORD, new Certificate[] {pki.gatewayCertificate(), pki.caCertificate()});
        Path file = pki.directory().resolve("gateway.p12");
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, PASSWORD);
        }
        return file;
    }
}
