package org.accord.gateway.support;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * TLS material for tests of mutual TLS: a test CA, a server certificate for localhost, a client certificate
 * from that CA, and a rogue client certificate from another CA. Test fixtures only, made per run.
 */
public final class TestTls {

    public static final String PASSWORD = "test-only";

    private final Path dir;

    private TestTls(Path dir) {
        this.dir = dir;
    }

    public static TestTls create(Path dir) throws Exception {
        Files.createDirectories(dir);
        KeyPair caKeys = keys();
        X509Certificate ca = certificate("CN=Accord test CA", caKeys, "CN=Accord test CA", caKeys.getPrivate(), true, false);
        KeyPair serverKeys = keys();
        X509Certificate server = certificate("CN=localhost", serverKeys, "CN=Accord test CA", caKeys.getPrivate(), false, true);
        KeyPair clientKeys = keys();
        X509Certificate client = certificate("CN=accord-gateway-client", clientKeys, "CN=Accord test CA", caKeys.getPrivate(), false, false);
        KeyPair rogueCaKeys = keys();
        KeyPair rogueKeys = keys();
        X509Certificate rogue = certificate("CN=rogue-client", rogueKeys, "CN=Rogue CA", rogueCaKeys.getPrivate(), false, false);

        TestTls tls = new TestTls(dir);
        tls.pem("ca.crt", ca);
        tls.pem("client.crt", client);
        tls.pem("client.key", clientKeys.getPrivate());
        tls.pem("rogue.crt", rogue);
        tls.pem("rogue.key", rogueKeys.getPrivate());
        KeyStore serverStore = KeyStore.getInstance("PKCS12");
        serverStore.load(null, null);
        serverStore.setKeyEntry("server", serverKeys.getPrivate(), PASSWORD.toCharArray(), new X509Certificate[] {server, ca});
        tls.store("server.p12", serverStore);
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("ca", ca);
        tls.store("trust.p12", trust);
        return tls;
    }

    public Path path(String name) {
        return dir.resolve(name);
    }

    /** WireMock on a free HTTPS port with this server certificate, asking for a client certificate from this CA. */
    public WireMockConfiguration mutualTlsServer() {
        return WireMockConfiguration.options().dynamicHttpsPort().httpDisabled(true)
                .keystorePath(path("server.p12").toString()).keystoreType("PKCS12").keystorePassword(PASSWORD)
                .keyManagerPassword(PASSWORD).needClientAuth(true)
                .trustStorePath(path("trust.p12").toString()).trustStoreType("PKCS12").trustStorePassword(PASSWORD);
    }

    private void pem(String name, Object object) throws IOException {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(object instanceof PrivateKey key ? new org.bouncycastle.openssl.jcajce.JcaPKCS8Generator(key, null) : object);
        }
        Files.writeString(dir.resolve(name), text.toString());
    }

    private void store(String name, KeyStore store) throws Exception {
        try (OutputStream out = Files.newOutputStream(dir.resolve(name))) {
            store.store(out, PASSWORD.toCharArray());
        }
    }

    private static KeyPair keys() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(256);
        return generator.generateKeyPair();
    }

    private static X509Certificate certificate(String subject, KeyPair keys, String issuer, PrivateKey issuerKey, boolean ca,
            boolean localhost) throws Exception {
        Instant now = Instant.now();
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(new X500Name(issuer),
                BigInteger.valueOf(now.toEpochMilli()).add(BigInteger.valueOf(System.nanoTime() & 0xffff)),
                Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(Duration.ofDays(2))), new X500Name(subject), keys.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
        if (localhost) {
            builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                    new GeneralName(GeneralName.dNSName, "localhost"), new GeneralName(GeneralName.iPAddress, "127.0.0.1")}));
        }
        return new JcaX509CertificateConverter().getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKey)));
    }
}
