package org.accord.gateway.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.accord.gateway.AccordApplication;
import org.accord.gateway.crypto.CmsOpener;
import org.accord.gateway.crypto.DemoPki;
import org.accord.gateway.crypto.Fingerprints;
import org.accord.gateway.crypto.KeyAlgorithm;
import org.accord.gateway.crypto.Pem;
import org.accord.gateway.security.DemoClients;
import org.accord.gateway.support.Fixtures;
import org.accord.gateway.support.GatewayClient;
import org.accord.gateway.support.GatewayClient.Response;
import org.accord.gateway.support.TestCatalogue;
import org.accord.gateway.support.TestDirs;
import org.accord.gateway.support.TestTls;
import org.accord.gateway.transfer.TransferRepository;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Two Accord gateways in one JVM, each with its own H2 database, embedded Artemis broker, demo keys, embedded
 * authorization server and HTTPS port: one for the University of Northbridge ({@code uni-northbridge}), one for
 * the police Prevent team ({@code ctp-nw-prevent}). Each trusts only what it is told: its partner directory names
 * the other gateway's signing certificate (to encrypt for and to recognise its signature) and the other's demo CA
 * as a trust anchor; each pushes over mutual TLS with its own client certificate, trusting only the other's TLS
 * CA, and with a client-credentials token from the other's authorization server. A referral goes from the
 * university to the police and the outcome comes back linked to it.
 */
class GatewayToGatewayIntegrationTests {

    private static final String UNI = "uni-northbridge";
    private static final String POLICE = "ctp-nw-prevent";
    private static final String LEAD = "uni-northbridge/safeguarding-lead";
    private static final List<String> PARTNERS = List.of(POLICE, "la-northbridge-channel", UNI, "uni-eastmoor");
    private static final Path AGREEMENTS = Path.of("..", "agreements");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static Path root;
    private static ConfigurableApplicationContext university;
    private static ConfigurableApplicationContext police;
    private static GatewayClient atUniversity;
    private static GatewayClient atPolice;
    private static DemoPki universityPki;
    private static DemoPki policePki;

    @BeforeAll
    static void start() throws Exception {
        root = TestDirs.create("accord-g2g-");
        TestTls universityTls = TestTls.create(root.resolve("university-tls"));
        TestTls policeTls = TestTls.create(root.resolve("police-tls"));
        Path universityData = root.resolve("university");
        Path policeData = root.resolve("police");
        // Each gateway's demo keys, made before it starts (it reuses them) so the other can be told its certificates.
        universityPki = DemoPki.ensure(universityData.resolve("pki"), PARTNERS, KeyAlgorithm.EC_P256, Clock.systemUTC());
        policePki = DemoPki.ensure(policeData.resolve("pki"), PARTNERS, KeyAlgorithm.EC_P256, Clock.systemUTC());
        // Each gateway's demo client for the other gateway, made up front for the same reason.
        String universitySecretAtPolice = DemoClients.ensure(policeData.resolve("demo").resolve("clients.properties"), List.of(UNI))
                .secretOf(UNI);
        String policeSecretAtUniversity = DemoClients.ensure(universityData.resolve("demo").resolve("clients.properties"), List.of(POLICE))
                .secretOf(POLICE);
        TestCatalogue.copyTree(Fixtures.SCHEMAS, root.resolve("schemas"));
        int universityPort = freePort();
        String universityInbound = "https://localhost:" + universityPort + "/api/v1/inbound";

        Path policeAgreements = Files.createDirectories(root.resolve("police-agreements"));
        Files.copy(AGREEMENTS.resolve("organisations.yaml"), policeAgreements.resolve("organisations.yaml"));
        // The same two agreements, seen from the police: referrals arrive, outcomes leave, pushed to the university.
        copyEdited("isa-northbridge-prevent-referrals.yaml", policeAgreements, Map.of("    direction: outbound\n", "    direction: inbound\n"));
        copyEdited("isa-ctp-northbridge-referral-outcomes.yaml", policeAgreements, Map.of(
                "    direction: inbound\n", "    direction: outbound\n",
                "    channel:\n      kind: jms\n      address: accord.inbound.uni-northbridge\n",
                "    channel:\n      kind: https\n      address: " + universityInbound + "\n"));

        List<String> policeArgs = new ArrayList<>(common(policeData, policeAgreements, policeTls, universityTls, "12"));
        policeArgs.addAll(List.of("--server.port=0", "--accord.institution=" + POLICE,
                // The university gateway is a client of the police gateway: it may push inbound messages, nothing else.
                "--accord.security.demo-clients." + UNI + "=inbound",
                "--accord.security.clients." + UNI + "=" + UNI,
                "--accord.pki.trust-anchors=" + universityData.resolve("pki/ca.crt"),
                "--accord.partners." + UNI + ".encryption-certificate=" + universityData.resolve("pki/gateway.crt"),
                "--accord.partners." + UNI + ".signature-certificates=" + universityData.resolve("pki/gateway.crt"),
                "--accord.partners." + UNI + ".tls-client-fingerprint=" + fingerprint(universityTls.path("client.crt")),
                "--accord.delivery.https." + UNI + ".tls-bundle=partner",
                "--accord.delivery.https." + UNI + ".oauth2-registration=partner",
                "--spring.security.oauth2.client.registration.partner.client-id=" + POLICE,
                "--spring.security.oauth2.client.registration.partner.client-secret=" + policeSecretAtUniversity,
                "--spring.security.oauth2.client.registration.partner.authorization-grant-type=client_credentials",
                "--spring.security.oauth2.client.registration.partner.scope=inbound",
                "--spring.security.oauth2.client.provider.partner.token-uri=https://localhost:" + universityPort + "/oauth2/token"));
        police = new SpringApplicationBuilder(AccordApplication.class).run(policeArgs.toArray(String[]::new));
        int policePort = ((org.springframework.boot.web.server.context.WebServerApplicationContext) police).getWebServer().getPort();

        Path universityAgreements = Files.createDirectories(root.resolve("university-agreements"));
        Files.copy(AGREEMENTS.resolve("organisations.yaml"), universityAgreements.resolve("organisations.yaml"));
        // The university pushes referrals to the police gateway. The UCAS id is dropped rather than masked: the police
        // gateway validates what arrives against the referral schema, and a masked UCAS id no longer matches its pattern.
        copyEdited("isa-northbridge-prevent-referrals.yaml", universityAgreements, Map.of(
                "    channel:\n      kind: mailbox\n      address: ctp-nw-prevent\n",
                "    channel:\n      kind: https\n      address: https://localhost:" + policePort + "/api/v1/inbound\n",
                "      subject.ucasPersonalId: { rule: mask, keepLast: 4 }\n", "      subject.ucasPersonalId: drop\n"));
        copyEdited("isa-ctp-northbridge-referral-outcomes.yaml", universityAgreements, Map.of());

        List<String> universityArgs = new ArrayList<>(common(universityData, universityAgreements, universityTls, policeTls, "11"));
        universityArgs.addAll(List.of("--server.port=" + universityPort, "--accord.institution=" + UNI,
                "--accord.pki.trust-anchors=" + policeData.resolve("pki/ca.crt"),
                "--accord.partners." + POLICE + ".encryption-certificate=" + policeData.resolve("pki/gateway.crt"),
                "--accord.partners." + POLICE + ".signature-certificates=" + policeData.resolve("pki/gateway.crt"),
                "--accord.partners." + POLICE + ".tls-client-fingerprint=" + fingerprint(policeTls.path("client.crt")),
                "--accord.delivery.https." + POLICE + ".tls-bundle=partner",
                "--accord.delivery.https." + POLICE + ".oauth2-registration=partner",
                "--spring.security.oauth2.client.registration.partner.client-id=" + UNI,
                "--spring.security.oauth2.client.registration.partner.client-secret=" + universitySecretAtPolice,
                "--spring.security.oauth2.client.registration.partner.authorization-grant-type=client_credentials",
                "--spring.security.oauth2.client.registration.partner.scope=inbound",
                "--spring.security.oauth2.client.provider.partner.token-uri=https://localhost:" + policePort + "/oauth2/token"));
        university = new SpringApplicationBuilder(AccordApplication.class).run(universityArgs.toArray(String[]::new));

        SSLContext trustBoth = trusting(universityTls.path("ca.crt"), policeTls.path("ca.crt"));
        atUniversity = GatewayClient.forHttpsContext(university, trustBoth);
        atPolice = GatewayClient.forHttpsContext(police, trustBoth);
    }

    @AfterAll
    static void stop() {
        if (university != null) {
            university.close();
        }
        if (police != null) {
            police.close();
        }
    }

    @Test
    void whenTheUniversityRefersAStudentThenThePoliceGatewayReceivesItAndTheOutcomeComesBackLinkedToTheReferral() {
        // The university's case-management system refers a student on its own gateway; it is pushed to the police gateway.
        String referral = submit(atUniversity, UNI, Fixtures.referral());
        awaitStatus(atUniversity, UNI, referral, "DELIVERED");

        // It lands in the police mailbox on the police gateway, sealed for the police, under the police gateway's own id.
        JsonNode waiting = await().atMost(60, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(300))
                .until(() -> onlyMessage(atPolice.get("/api/v1/mailbox", POLICE).json(), "prevent-referral"), m -> m != null);
        String received = waiting.get("transferId").asString();
        assertThat(received).isNotEqualTo(referral);
        assertThat(waiting.get("sender").asString()).isEqualTo(LEAD);
        assertThat(police.getBean(TransferRepository.class).findById(received).orElseThrow().partnerTransferId()).isEqualTo(referral);
        Response download = atPolice.get("/api/v1/mailbox/" + received, POLICE);
        JsonNode opened = open(download.body(), policePki, POLICE);
        assertThat(opened.get("transferId").asString()).isEqualTo(received);
        assertThat(opened.get("sender").asString()).isEqualTo(LEAD);
        assertThat(opened.get("record").get("subject").get("names").toString()).contains("Okafor-Reyes");
        assertThat(opened.get("record").path("subject").has("religion")).isFalse();
        assertThat(atPolice.post("/api/v1/mailbox/" + received + "/ack", POLICE, null, new byte[0], Map.of()).status()).isEqualTo(200);

        // The police system answers on its own gateway, naming the referral by the id it received it under.
        ObjectNode outcome = Fixtures.submission("referral-outcome", LEAD, "referral-feedback", Fixtures.example("referral-outcome"));
        outcome.put("inReplyTo", received);
        String answer = submit(atPolice, POLICE, outcome);
        awaitStatus(atPolice, POLICE, answer, "DELIVERED");
        assertThat(atPolice.get("/api/v1/transfers/" + answer, POLICE).json().get("answers").asString()).isEqualTo(received);

        // It lands in the university's inbox linked to the original referral, on both sides of the link.
        JsonNode arrived = await().atMost(60, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(300))
                .until(() -> onlyRecord(atUniversity.get("/api/v1/inbox", UNI).json(), "referral-outcome"), m -> m != null);
        String outcomeHere = arrived.get("transferId").asString();
        assertThat(arrived.get("sender").asString()).isEqualTo(POLICE);
        assertThat(arrived.get("inReplyTo").asString()).isEqualTo(referral);
        JsonNode referralView = atUniversity.get("/api/v1/transfers/" + referral, UNI).json();
        assertThat(referralView.get("answeredBy").get(0).get("transferId").asString()).isEqualTo(outcomeHere);
        JsonNode outcomeOpened = open(atUniversity.get("/api/v1/inbox/" + outcomeHere, UNI).body(), universityPki, UNI);
        assertThat(outcomeOpened.get("inReplyTo").asString()).isEqualTo(referral);
        assertThat(outcomeOpened.get("record").get("outcome").asString()).isEqualTo("signposted");
        assertThat(university.getBean(TransferRepository.class).findById(outcomeHere).orElseThrow().partnerTransferId()).isEqualTo(answer);

        // Each side's transfer log is intact and holds the steps: the pushing side DELIVERED, the receiving side
        // RECEIVED from the other gateway's client (its token came from this side's authorization server).
        assertThat(events(atUniversity, referral)).containsSubsequence("RECEIVED", "SEALED", "DELIVERED");
        assertThat(events(atPolice, received)).containsSubsequence("RECEIVED", "SEALED", "MADE_AVAILABLE", "DOWNLOADED", "ACKNOWLEDGED");
        assertThat(actor(atPolice, received, "RECEIVED")).isEqualTo(UNI);
        assertThat(events(atPolice, answer)).containsSubsequence("RECEIVED", "SEALED", "DELIVERED");
        assertThat(events(atUniversity, outcomeHere)).containsSubsequence("RECEIVED", "SEALED", "MADE_AVAILABLE", "DOWNLOADED");
        assertThat(actor(atUniversity, outcomeHere, "RECEIVED")).isEqualTo(POLICE);
        for (GatewayClient side : List.of(atUniversity, atPolice)) {
            JsonNode verified = side.get("/api/v1/audit/verify", "accord-dpo").json();
            assertThat(verified.get("valid").asBoolean()).as(verified.toString()).isTrue();
            assertThat(verified.get("entriesChecked").asLong()).isGreaterThan(8);
        }
    }

    private static List<String> common(Path data, Path agreements, TestTls own, TestTls other, String brokerId) {
        return List.of("--accord.data-dir=" + data,
                "--accord.agreements.directory=" + agreements, "--accord.schemas.directory=" + root.resolve("schemas"),
                "--spring.artemis.embedded.server-id=" + brokerId,
                "--accord.delivery.retry-delay=PT0.5S", "--accord.delivery.max-retry-delay=PT2S",
                // This gateway serves HTTPS with its own server certificate and accepts the other's client certificate.
                "--server.ssl.bundle=server", "--server.ssl.client-auth=want",
                "--spring.ssl.bundle.jks.server.keystore.location=file:" + own.path("server.p12"),
                "--spring.ssl.bundle.jks.server.keystore.password=" + TestTls.PASSWORD,
                "--spring.ssl.bundle.jks.server.keystore.type=PKCS12",
                "--spring.ssl.bundle.jks.server.key.password=" + TestTls.PASSWORD,
                "--spring.ssl.bundle.jks.server.truststore.location=file:" + other.path("trust.p12"),
                "--spring.ssl.bundle.jks.server.truststore.password=" + TestTls.PASSWORD,
                "--spring.ssl.bundle.jks.server.truststore.type=PKCS12",
                // It pushes to the other with its own client certificate, trusting only the other's TLS CA.
                "--spring.ssl.bundle.pem.partner.keystore.certificate=file:" + own.path("client.crt"),
                "--spring.ssl.bundle.pem.partner.keystore.private-key=file:" + own.path("client.key"),
                "--spring.ssl.bundle.pem.partner.truststore.certificate=file:" + other.path("ca.crt"));
    }

    private static void copyEdited(String file, Path to, Map<String, String> edits) throws IOException {
        String yaml = Files.readString(AGREEMENTS.resolve(file));
        for (Map.Entry<String, String> edit : edits.entrySet()) {
            int at = yaml.indexOf(edit.getKey());
            assertThat(at).as(file + " holds " + edit.getKey()).isGreaterThanOrEqualTo(0);
            assertThat(yaml.indexOf(edit.getKey(), at + 1)).as(file + " holds " + edit.getKey() + " once").isEqualTo(-1);
            yaml = yaml.replace(edit.getKey(), edit.getValue());
        }
        Files.writeString(to.resolve(file), yaml);
    }

    private static String submit(GatewayClient gateway, String clientId, ObjectNode submission) {
        Response response = gateway.postJson("/api/v1/records", clientId, Fixtures.json(submission));
        assertThat(response.status()).as(new String(response.body())).isEqualTo(202);
        return response.json().get("transferId").asString();
    }

    private static void awaitStatus(GatewayClient gateway, String clientId, String id, String status) {
        await().atMost(90, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(300)).until(() ->
                gateway.get("/api/v1/transfers/" + id, clientId).json().get("status").asString(), s -> {
                    assertThat(s).as("transfer " + id).isNotEqualTo("FAILED");
                    return status.equals(s);
                });
    }

    private static JsonNode onlyMessage(JsonNode mailbox, String recordType) {
        return only(mailbox.get("messages"), recordType);
    }

    private static JsonNode onlyRecord(JsonNode inbox, String recordType) {
        return only(inbox.get("messages"), recordType);
    }

    private static JsonNode only(JsonNode list, String recordType) {
        List<JsonNode> found = new ArrayList<>();
        list.forEach(m -> {
            if (m.get("recordType").asString().equals(recordType)) {
                found.add(m);
            }
        });
        assertThat(found.size()).isLessThanOrEqualTo(1);
        return found.isEmpty() ? null : found.get(0);
    }

    private static JsonNode open(byte[] sealed, DemoPki pki, String recipient) {
        return JSON.readTree(new CmsOpener().open(sealed, pki.partnerKey(recipient), pki.partnerCertificate(recipient),
                List.of(universityPki.caCertificate(), policePki.caCertificate()), Clock.systemUTC()).content());
    }

    private static List<String> events(GatewayClient gateway, String id) {
        List<String> events = new ArrayList<>();
        gateway.get("/api/v1/audit/transfers?transferId=" + id, "accord-dpo").json().get("entries")
                .forEach(e -> events.add(e.get("event").asString()));
        return events;
    }

    private static String actor(GatewayClient gateway, String id, String event) {
        for (JsonNode e : gateway.get("/api/v1/audit/transfers?transferId=" + id, "accord-dpo").json().get("entries")) {
            if (e.get("event").asString().equals(event)) {
                return e.get("actor").asString();
            }
        }
        return null;
    }

    private static String fingerprint(Path certificate) {
        return Fingerprints.sha256Hex(Pem.readCertificate(certificate));
    }

    private static SSLContext trusting(Path... caCertificates) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        for (Path ca : caCertificates) {
            try (InputStream in = Files.newInputStream(ca)) {
                trust.setCertificateEntry(ca.getParent().getFileName().toString(), (X509Certificate) factory.generateCertificate(in));
            }
        }
        TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trustManagers.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trustManagers.getTrustManagers(), null);
        return context;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
