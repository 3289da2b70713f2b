package org.accord.gateway.partner;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.accord.gateway.crypto.CmsSealer;
import org.accord.gateway.crypto.DemoPki;
import org.accord.gateway.crypto.Pem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/**
 * Builds the sealer and the partner directory from demo key material (made at first start) or, with demo
 * mode off, from configured files. The {@code prod} profile refuses to start in demo mode.
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
        if (demo) {
            DemoPki demoPki = DemoPki.ensure(pki.directory(), new ArrayList<>(partners.partners().keySet()), pki.keyAlgorithm(), clock);
            Map<String, X509Certificate> certificates = new LinkedHashMap<>();
            for (String id : partners.partners().keySet()) {
                PartnerProperties.Partner partner = partners.partners().get(id);
                certificates.put(id, partner != null && partner.encryptionCertificate() != null
                        ? Pem.readCertificate(partner.encryptionCertificate()) : demoPki.partnerCertificate(id));
            }
            log.warn("DEMO key material in use (directory={}): a demo CA, the gateway signing key and keys for partners {}. "
                    + "Not for production.", pki.directory().toAbsolutePath(), certificates.keySet());
            return new GatewayCredential(demoPki.gatewayKey(), List.of(demoPki.gatewayCertificate(), demoPki.caCertificate()),
                    List.of(demoPki.caCertificate()), new PartnerDirectory(certificates));
        }
        if (pki.signingKey() == null || pki.signingCertificate() == null) {
            throw new IllegalStateException("accord.pki.signing-key and accord.pki.signing-certificate must be set when demo mode is off.");
        }
        Map<String, X509Certificate> certificates = new LinkedHashMap<>();
        partners.partners().forEach((id, partner) -> {
            if (partner == null || partner.encryptionCertificate() == null) {
                throw new IllegalStateException("accord.partners." + id + ".encryption-certificate must be set when demo mode is off.");
            }
            certificates.put(id, Pem.readCertificate(partner.encryptionCertificate()));
        });
        PrivateKey key = Pem.readPrivateKey(pki.signingKey());
        X509Certificate certificate = Pem.readCertificate(pki.signingCertificate());
        return new GatewayCredential(key, List.of(certificate), List.of(), new PartnerDirectory(certificates));
    }

    @Bean
    PartnerDirectory partnerDirectory(GatewayCredential credential) {
        return credential.partners();
    }

    @Bean
    CmsSealer cmsSealer(GatewayCredential credential, Clock clock) {
        return new CmsSealer(credential.signingKey(), credential.chain(), clock);
    }

    /** The gateway's signing credential, the trust anchors it knows, and the partner directory. */
    public record GatewayCredential(PrivateKey signingKey, List<X509Certificate> chain, List<X509Certificate> trustAnchors,
            PartnerDirectory partners) {

        @Override
        public String toString() {
            return "GatewayCredential[chain=" + chain.size() + " certificate(s), partners=" + partners.all().keySet() + "]";
        }
    }
}
