package org.accord.gateway.inbound;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.UUID;

import org.accord.gateway.crypto.DemoPki;
import org.accord.gateway.partner.KeyMaterialConfiguration.GatewayCredential;
import org.accord.gateway.partner.PartnerProperties;
import org.accord.gateway.partner.PkiProperties;
import org.apache.catalina.connector.Connector;
import org.apache.coyote.http11.Http11NioProtocol;
import org.apache.tomcat.util.net.SSLHostConfig;
import org.apache.tomcat.util.net.SSLHostConfigCertificate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.accord.gateway.security.ProblemSecurityHandlers;
import tools.jackson.databind.json.JsonMapper;

/**
 * The HTTPS listener partners push to: a second Tomcat connector on {@code accord.inbound.tls.port} beside the
 * plain one, TLS 1.2 or 1.3, that asks every client for a certificate ({@link AnyClientCertificate},
 * {@link PartnerCertificates} decide what it is worth). Its server certificate comes from the SSL bundle
 * {@code accord.inbound.tls.bundle}, or in demo mode from the demo PKI ({@code tls-server.crt}, for localhost).
 * On by default in demo mode only.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "accord.inbound.tls.enabled", havingValue = "true")
class InboundTlsConfiguration {

    private static final Logger log = LoggerFactory.getLogger(InboundTlsConfiguration.class);

    @Bean
    InboundTlsListener inboundTlsListener(InboundProperties properties, SslBundles bundles, GatewayCredential credential,
            PkiProperties pki, PartnerProperties partners, @Value("${accord.demo.enabled}") boolean demo, Clock clock) {
        Connector connector = new Connector(Http11NioProtocol.class.getName());
        connector.setPort(properties.tls().port());
        connector.setScheme("https");
        connector.setSecure(true);
        Http11NioProtocol protocol = (Http11NioProtocol) connector.getProtocolHandler();
        protocol.setSSLEnabled(true);
        SSLHostConfig host = new SSLHostConfig();
        host.setProtocols("TLSv1.2+TLSv1.3");
        host.setCertificateVerification("optional");
        host.setTrustManagerClassName(AnyClientCertificate.class.getName());
        SSLHostConfigCertificate certificate = new SSLHostConfigCertificate(host, SSLHostConfigCertificate.Type.UNDEFINED);
        if (properties.tls().bundle() != null) {
            SslBundle bundle = bundles.getBundle(properties.tls().bundle());
            certificate.setCertificateKeystore(bundle.getStores().getKeyStore());
            certificate.setCertificateKeystorePassword(bundle.getStores().getKeyStorePassword());
            certificate.setCertificateKeyAlias(bundle.getKey().getAlias());
            certificate.setCertificateKeyPassword(bundle.getKey().getPassword());
        } else if (demo) {
            DemoPki demoPki = DemoPki.ensure(pki.directory(), new ArrayList<>(partners.partners().keySet()), pki.keyAlgorithm(), clock);
            String password = UUID.randomUUID().toString();
            certificate.setCertificateKeystore(demoKeyStore(demoPki, password));
            certificate.setCertificateKeystorePassword(password);
            certificate.setCertificateKeyAlias("inbound-tls");
            certificate.setCertificateKeyPassword(password);
        } else {
            throw new IllegalStateException("accord.inbound.tls.bundle must name an SSL bundle (spring.ssl.bundle.*) with the server "
                    + "certificate when demo mode is off, or set accord.inbound.tls.enabled=false.");
        }
        host.addCertificate(certificate);
        protocol.addSslHostConfig(host);
        log.info("Inbound HTTPS listener for partners on port {} (client certificates requested, {} partner trust anchor(s))",
                properties.tls().port(), credential.trustAnchors().size());
        return new InboundTlsListener(connector);
    }

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> inboundTlsConnector(InboundTlsListener listener) {
        return factory -> factory.addAdditionalConnectors(listener.connector());
    }

    /** Ahead of every other filter, Spring Security's included: the listener serves the inbound endpoint only. */
    @Bean
    FilterRegistrationBean<InboundListenerScope> inboundListenerScope(InboundTlsListener listener, JsonMapper json) {
        FilterRegistrationBean<InboundListenerScope> registration =
                new FilterRegistrationBean<>(new InboundListenerScope(listener, new ProblemSecurityHandlers(json)));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.addUrlPatterns("/*");
        return registration;
    }

    private static KeyStore demoKeyStore(DemoPki demoPki, String password) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("inbound-tls", demoPki.tlsServerKey(), password.toCharArray(),
                    new X509Certificate[] {demoPki.tlsServerCertificate(), demoPki.caCertificate()});
            return store;
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("cannot hold the demo TLS server key", e);
        }
    }

    /** The inbound HTTPS connector, for its port once the server has started. */
    public static final class InboundTlsListener {

        private final Connector connector;

        InboundTlsListener(Connector connector) {
            this.connector = connector;
        }

        Connector connector() {
            return connector;
        }

        /** The port the listener is bound to; -1 before the server has started. */
        public int port() {
            return connector.getLocalPort();
        }
    }
}
