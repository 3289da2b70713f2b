import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;

/**
 * A partner's HTTPS endpoint for the local topology: mutual TLS (a client certificate issued by the cluster's CA is
 * required), {@code POST /inbound} takes a sealed message with its {@code Accord-Transfer-Id}, answers 202 the first
 * time and 409 for a transfer it already has (as a receiver that drops duplicates does), and writes every POST it
 * receives as a line {@code <time> <transfer id> <SHA-256 of the body> <status>} so a drill counts deliveries.
 *
 *   java PartnerStub.java <port> <server.crt> <server.key (PKCS#8 PEM)> <ca.crt> <received.log>
 */
public class PartnerStub {

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        SSLContext tls = tls(Path.of(args[1]), Path.of(args[2]), Path.of(args[3]));
        Path received = Path.of(args[4]);
        Map<String, Boolean> seen = new ConcurrentHashMap<>();
        if (Files.exists(received)) {
            for (String line : Files.readAllLines(received)) {
                String[] parts = line.split(" ");
                if (parts.length >= 2) {
                    seen.put(parts[1], true);
                }
            }
        }
        HttpsServer server = HttpsServer.create(new InetSocketAddress("127.0.0.1", port), 64);
        server.setHttpsConfigurator(new HttpsConfigurator(tls) {
            @Override
            public void configure(HttpsParameters parameters) {
                SSLParameters ssl = getSSLContext().getDefaultSSLParameters();
                ssl.setNeedClientAuth(true);
                parameters.setSSLParameters(ssl);
            }
        });
        server.createContext("/inbound", exchange -> receive(exchange, received, seen));
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.start();
        System.out.println("Partner stub listening on https://127.0.0.1:" + port + "/inbound");
    }

    private static synchronized void record(Path received, String line) throws IOException {
        Files.writeString(received, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                StandardOpenOption.SYNC);
    }

    private static void receive(HttpExchange exchange, Path received, Map<String, Boolean> seen) throws IOException {
        try (exchange) {
            String transferId = exchange.getRequestHeaders().getFirst("Accord-Transfer-Id");
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            if (!"POST".equals(exchange.getRequestMethod()) || transferId == null || !transferId.matches("[0-9a-f-]{36}")
                    || body.length == 0) {
                exchange.sendResponseHeaders(400, -1);
                return;
            }
            int status = seen.putIfAbsent(transferId, true) == null ? 202 : 409;
            String digest = HexFormat.of().formatHex(sha256(body));
            record(received, Instant.now() + " " + transferId + " " + digest + " " + status);
            exchange.sendResponseHeaders(status, -1);
        }
    }

    private static byte[] sha256(byte[] body) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(body);
        }
        catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static SSLContext tls(Path certificate, Path key, Path ca) throws Exception {
        CertificateFactory x509 = CertificateFactory.getInstance("X.509");
        Certificate serverCertificate = x509.generateCertificate(new ByteArrayInputStream(Files.readAllBytes(certificate)));
        Certificate authority = x509.generateCertificate(new ByteArrayInputStream(Files.readAllBytes(ca)));
        String pem = Files.readString(key).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        PrivateKey privateKey = KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        char[] password = new char[0];
        KeyStore keys = KeyStore.getInstance("PKCS12");
        keys.load(null, null);
        keys.setKeyEntry("server", privateKey, password, new Certificate[] { serverCertificate, authority });
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keys, password);
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("ca", authority);
        TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trustManagers.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keyManagers.getKeyManagers(), trustManagers.getTrustManagers(), null);
        return context;
    }
}
