package org.accord.gateway.inbound;

import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.accord.gateway.crypto.CmsSealer;
import org.accord.gateway.crypto.DemoPki;
import org.accord.gateway.crypto.Pem;
import org.accord.gateway.support.GatewayClient.Response;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import tools.jackson.databind.json.JsonMapper;

/**
 * Test fixtures for partners talking to the inbound side: a key and certificate (the demo partner's, one issued
 * by the gateway's demo CA with chosen dates or name, or a self-signed one), sealing with it, and an HTTPS client
 * that presents it on the inbound listener and trusts the demo CA for the server.
 */
record PartnerCredentials(PrivateKey key, X509Certificate certificate) {

    private static final SecureRandom RANDOM = new SecureRandom();

    static PartnerCredentials demo(DemoPki pki, String partner) {
        return new PartnerCredentials(pki.partnerKey(partner), pki.partnerCertificate(partner));
    }

    /** Issued by the demo CA whose key lies in {@code pkiDirectory}, valid from {@code notBefore} to {@code notAfter}. */
    static PartnerCredentials issuedByDemoCa(Path pkiDirectory, String commonName, Instant notBefore, Instant notAfter) throws Exception {
        X509Certificate ca = Pem.readCertificate(pkiDirectory.resolve("ca.crt"));
        PrivateKey caKey = Pem.readPrivateKey(pkiDirectory.resolve("ca.key"));
        KeyPair keys = keys();
        return new PartnerCredentials(keys.getPrivate(), certificate(X500Name.getInstance(ca.getSubjectX500Principal().getEncoded()),
                caKey, "O=Accord DEMO,CN=" + commonName, keys, notBefore, notAfter));
    }

    static PartnerCredentials selfSigned(String commonName) throws Exception {
        KeyPair keys = keys();
        return new PartnerCredentials(keys.getPrivate(), certificate(new X500Name("CN=" + commonName), keys.getPrivate(),
                "CN=" + commonName, keys, Instant.now().minus(Duration.ofDays(1)), Instant.now().plus(Duration.ofDays(30))));
    }

    byte[] seal(byte[] content, String transferId, X509Certificate gateway) {
        return new CmsSealer(key, List.of(certificate)).seal(content, transferId, gateway).der();
    }

    /** An HTTPS client that presents this certificate (or none, for {@code null} credentials) and trusts {@code ca}. */
    static HttpClient httpsClient(PartnerCredentials credentials, X509Certificate ca) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("ca", ca);
        TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trustManagers.init(trust);
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        KeyStore keys = KeyStore.getInstance("PKCS12");
        keys.load(null, null);
        if (credentials != null) {
            keys.setKeyEntry("client", credentials.key(), "test-only".toCharArray(), new X509Certificate[] {credentials.certificate()});
        }
        keyManagers.init(keys, "test-only".toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keyManagers.getKeyManagers(), trustManagers.getTrustManagers(), RANDOM);
        return HttpClient.newBuilder().sslContext(context).connectTimeout(Duration.ofSeconds(5)).version(HttpClient.Version.HTTP_1_1).build();
    }

    static Response post(HttpClient http, int port, byte[] sealed, String bearer) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("https://localhost:" + port + "/api/v1/inbound"))
                .header("Content-Type", "application/pkcs7-mime").POST(HttpRequest.BodyPublishers.ofByteArray(sealed));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), null, response.body(),
                JsonMapper.builder().build());
    }

    private static KeyPair keys() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(256);
        return generator.generateKeyPair();
    }

    private static X509Certificate certificate(X500Name issuer, PrivateKey issuerKey, String subject, KeyPair keys, Instant notBefore,
            Instant notAfter) throws Exception {
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer, new BigInteger(96, RANDOM).add(BigInteger.ONE),
                Date.from(notBefore), Date.from(notAfter), new X500Name(subject), keys.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyAgreement));
        return new JcaX509CertificateConverter().getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKey)));
    }
}
