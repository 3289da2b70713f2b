package org.accord.gateway.partner;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import org.accord.gateway.crypto.CmsSealer;
import org.accord.gateway.crypto.DemoPki;
import org.accord.gateway.crypto.Fingerprints;
import org.accord.gateway.crypto.Pem;
import org.accord.gateway.crypto.Pkcs11Token;
import org.accord.gateway.crypto.Pkcs12;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/**
 * Builds the sealer, the gateway's signing certificates and the partner directory from demo key material
 * (made at first start) or, with demo mode off, from configured files: the signing key as PEM or PKCS#12,
 * previous signing certificates kept for recognition after a rotation, partner certificates and trust
 * anchors. The {@code prod} profile refuses to start in demo mode.
 */
@Configuration(proxyBeanMethods = false)
public class KeyMaterialConfiguration {

    private static final Logger log = LoggerFactory.getLogger(KeyMaterialConfiguration.class);

    @Bean
    GatewayCredential gatewayCredential(PkiProperties pki, PartnerProperties partners, Environment environment,
            @Value("${accord.demo.enabled}") boolean demo, Clock clock) {
        if (demo && environment.acceptsProfiles(Profiles.of("prod"))) {
            throw new IllegalStateException("The prod profile refuses demo key material: set accord.demo.enabled=false "
                    + "and configure accord.pki.signing-key, accord.pki.signing-certificate and partner certificates.");
        }
        List<X509Certificate> previous = pki.previousSigningCertificates().stream().map(Pem::readCertificate).toList();
        LinkedHashSet<X509Certificate> anchors = new LinkedHashSet<>();
        pki.trustAnchors().forEach(path -> anchors.add(Pem.readCertificate(path)));
        if (demo) {
            DemoPki demoPki = DemoPki.ensure(pki.directory(), new ArrayList<>(partners.partners().keySet()), pki.keyAlgorithm(), clock);
            anchors.add(demoPki.caCertificate());
            List<PartnerEntry> entries = new ArrayList<>();
            partners.partners().forEach((id, partner) -> entries.add(entry(id, partner, demoPki.partnerCertificate(id))));
            log.warn("DEMO key material in use (directory={}): a demo CA, the gateway signing key and keys for partners {}. "
                    + "Not for production.", pki.directory().toAbsolutePath(), partners.partners().keySet());
            Pkcs12.Credential own = pki.usesPkcs11() ? tokenCredential(pki)
                    : new Pkcs12.Credential(demoPki.gatewayKey(), List.of(demoPki.gatewayCertificate(), demoPki.caCertificate()));
            return new GatewayCredential(own.key(), own.chain(), List.copyOf(anchors),
                    new PartnerDirectory(entries, List.copyOf(anchors)), previous);
        }
        Pkcs12.Credential own = ownCredential(pki);
        List<PartnerEntry> entries = new ArrayList<>();
        partners.partners().forEach((id, partner) -> {
            if (partner == null || partner.encryptionCertificate() == null) {
                throw new IllegalStateException("accord.partners." + id + ".encryption-certificate must be set when demo mode is off.");
            }
            entries.add(entry(id, partner, null));
        });
        log.info("Gateway signing certificate sha256={} ({} previous certificate(s) still recognised), {} trust anchor(s)",
                Fingerprints.sha256Hex(own.chain().get(0)), previous.size(), anchors.size());
        return new GatewayCredential(own.key(), own.chain(), List.copyOf(anchors),
                new PartnerDirectory(entries, List.copyOf(anchors)), previous);
    }

    private static Pkcs12.Credential ownCredential(PkiProperties pki) {
        if (pki.usesPkcs11()) {
            if (pki.keystore() != null || pki.signingKey() != null) {
                throw new IllegalStateException("Set either accord.pki.pkcs11.* or accord.pki.keystore / accord.pki.signing-key, "
                        + "not both.");
            }
            return tokenCredential(pki);
        }
        if (pki.keystore() != null) {
            if (pki.signingKey() != null || pki.signingCertificate() != null) {
                throw new IllegalStateException("Set either accord.pki.keystore or accord.pki.signing-key and "
                        + "accord.pki.signing-certificate, not both.");
            }
            char[] password = pki.keystorePassword() == null ? new char[0] : pki.keystorePassword().toCharArray();
            return Pkcs12.read(pki.keystore(), password, pki.keystoreAlias());
        }
        if (pki.signingKey() == null || pki.signingCertificate() == null) {
            throw new IllegalStateException("accord.pki.signing-key and accord.pki.signing-certificate (or accord.pki.keystore) "
                    + "must be set when demo mode is off.");
        }
        PrivateKey key = Pem.readPrivateKey(pki.signingKey());
        return new Pkcs12.Credential(key, List.of(Pem.readCertificate(pki.signingCertificate())));
    }

    /** The signing key and its chain from the PKCS#11 token that {@code accord.pki.pkcs11.*} names. */
    private static Pkcs12.Credential tokenCredential(PkiProperties pki) {
        PkiProperties.Pkcs11 token = pki.pkcs11();
        if ((token.slot() == null) == (token.tokenLabel() == null)) {
            throw new IllegalStateException("Set exactly one of accord.pki.pkcs11.slot and accord.pki.pkcs11.token-label.");
        }
        if (token.pin() == null || token.pin().isEmpty() || token.keyLabel() == null || token.keyLabel().isBlank()) {
            throw new IllegalStateException("accord.pki.pkcs11.pin (the file accord/pki/pkcs11/pin under accord.secrets-dir) "
                    + "and accord.pki.pkcs11.key-label must be set with accord.pki.pkcs11.library.");
        }
        long slot = token.slot() != null ? token.slot() : Pkcs11Token.slotOf(token.library(), token.tokenLabel());
        Pkcs12.Credential credential = Pkcs11Token.open(token.library(), slot, token.pin().toCharArray())
                .credential(token.keyLabel());
        log.info("Gateway signing key in PKCS#11 token (slot={}, key label={}): certificate sha256={}", slot, token.keyLabel(),
                Fingerprints.sha256Hex(credential.chain().get(0)));
        return credential;
    }

    private static PartnerEntry entry(String id, PartnerProperties.Partner partner, X509Certificate demoCertificate) {
        PartnerProperties.Partner settings = partner == null ? new PartnerProperties.Partner(null, null, null, null, null) : partner;
        X509Certificate encryption = settings.encryptionCertificate() != null
                ? Pem.readCertificate(settings.encryptionCertificate()) : demoCertificate;
        List<X509Certificate> signature = settings.signatureCertificates().stream().map(Pem::readCertificate).toList();
        if (signature.isEmpty() && demoCertificate != null) {
            signature = List.of(demoCertificate);
        }
        // In demo mode a partner's demo certificate is also its TLS client certificate, unless another is configured.
        String tlsClient = settings.tlsClientFingerprint() == null && demoCertificate != null
                ? Fingerprints.sha256Hex(demoCertificate) : settings.tlsClientFingerprint();
        return new PartnerEntry(id, settings.name(), encryption, signature, tlsClient, settings.endpoint());
    }

    @Bean
    PartnerDirectory partnerDirectory(GatewayCredential credential) {
        return credential.partners();
    }

    @Bean
    SigningCertificates signingCertificates(GatewayCredential credential) {
        return new SigningCertificates(credential.chain().get(0), credential.previousSigningCertificates());
    }

    @Bean
    CmsSealer cmsSealer(GatewayCredential credential, Clock clock) {
        return new CmsSealer(credential.signingKey(), credential.chain(), clock);
    }

    /**
     * The gateway's signing credential (whose key also decrypts what partners seal for this gateway), the
     * trust anchors it knows, the partner directory, and the signing certificates it used before a rotation.
     */
    public record GatewayCredential(PrivateKey signingKey, List<X509Certificate> chain, List<X509Certificate> trustAnchors,
            PartnerDirectory partners, List<X509Certificate> previousSigningCertificates) {

        public GatewayCredential {
            chain = List.copyOf(chain);
            trustAnchors = List.copyOf(trustAnchors);
            previousSigningCertificates = List.copyOf(previousSigningCertificates);
        }

        @Override
        public String toString() {
            return "GatewayCredential[chain=" + chain.size() + " certificate(s), partners=" + partners.all().keySet() + "]";
        }
    }
}
