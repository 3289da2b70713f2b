package org.accord.gateway.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;

import org.accord.gateway.security.DemoClients;
import org.accord.gateway.security.SecurityProperties;
import org.accord.gateway.support.Fixtures;
import org.accord.gateway.support.GatewayClient;
import org.accord.gateway.support.GatewayClient.Response;
import org.accord.gateway.support.TestCatalogue;
import org.accord.gateway.support.TestDirs;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every denial code the decision can give is reachable through the submit API and lands in the transfer log,
 * against a catalogue built for the purpose in a folder the gateway reloads from; and a reload takes a good
 * catalogue and rejects a broken one, keeping the one in force.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DenialCodesIntegrationTests {

    private static final LocalDate TODAY = LocalDate.now();
    private static final Path ROOT = createRoot();
    private static final Path AGREEMENTS = ROOT.resolve("agreements");
    private static final Path SCHEMAS = ROOT.resolve("schemas");
    private static final String LEAD = "uni-northbridge/safeguarding-lead";

    @LocalServerPort
    int port;

    @Autowired
    DemoClients demoClients;

    @Autowired
    SecurityProperties security;

    @Autowired
    AgreementReloader reloader;

    @Autowired
    AgreementSource source;

    static GatewayClient client;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("accord.data-dir", () -> ROOT.resolve("data").toString());
        registry.add("accord.agreements.directory", AGREEMENTS::toString);
        registry.add("accord.schemas.directory", SCHEMAS::toString);
        registry.add("accord.agreements.reload-every", () -> "PT1S");
        registry.add("accord.partners.p-active.name", () -> "Active partner");
        registry.add("accord.partners.p-suspended.name", () -> "Suspended partner");
        registry.add("accord.security.clients.lonely", () -> "p-lonely");
        registry.add("accord.security.demo-clients.lonely[0]", () -> "submit:prevent-referral");
        registry.add("accord.security.clients.ghost", () -> "ghost-org");
        registry.add("accord.security.demo-clients.ghost[0]", () -> "submit:prevent-referral");
        registry.add("accord.security.clients.p-active", () -> "p-active");
        registry.add("accord.security.demo-clients.p-active[0]", () -> "submit:referral-outcome");
    }

    @BeforeEach
    void client() {
        if (client != null) {
            return;
        }
        client = GatewayClient.forDemo(port, security, demoClients);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "AGREEMENT_DRAFT,             uni-northbridge, p-draft,      prevent-referral, 1, assess",
            "AGREEMENT_SUSPENDED,         uni-northbridge, p-suspended,  prevent-referral, 1, assess",
            "AGREEMENT_TERMINATED,        uni-northbridge, p-terminated, prevent-referral, 1, assess",
            "AGREEMENT_NOT_YET_EFFECTIVE, uni-northbridge, p-future,     prevent-referral, 1, assess",
            "AGREEMENT_EXPIRED,           uni-northbridge, p-expired,    prevent-referral, 1, assess",
            "PURPOSE_NOT_COVERED,         uni-northbridge, p-active,     prevent-referral, 1, curiosity",
            "SCHEMA_VERSION_NOT_COVERED,  uni-northbridge, p-active,     prevent-referral, 2, assess",
            "RECORD_TYPE_NOT_COVERED,     uni-northbridge, p-active,     safeguarding-concern, 1, assess",
            "RECIPIENT_NOT_PARTY,         uni-northbridge, p-lonely,     prevent-referral, 1, assess",
            "SENDER_NOT_PARTY,            lonely,          p-active,     prevent-referral, 1, assess",
            "NO_AGREEMENT,                lonely,          p-lonely-too, prevent-referral, 1, assess",
            "UNKNOWN_SENDER,              ghost,           p-active,     prevent-referral, 1, assess",
            "UNKNOWN_RECIPIENT,           uni-northbridge, p-nobody,     prevent-referral, 1, assess",
            "CONDITION_FAILED,            uni-northbridge, p-active,     prevent-referral, 1, assess-unconsulted",
    })
    void whenTheCatalogueDoesNotPermitThenTheSubmitIsRefusedWithTheCodeAndLogged(String code, String client,
            String recipient, String recordType, int version, String purpose) {
        ObjectNode record = Fixtures.example(recordType);
        if (purpose.equals("assess-unconsulted")) {
            ((ObjectNode) record.get("referrer")).put("preventLeadConsulted", false);
            purpose = "assess";
        }
        ObjectNode body = Fixtures.submission(recordType, recipient, purpose, record);
        body.put("schemaVersion", version);

        Response response = this.client.postJson("/api/v1/records", client, Fixtures.json(body));

        assertThat(response.status()).as(new String(response.body())).isEqualTo(403);
        assertThat(response.code()).isEqualTo("REFUSED_BY_AGREEMENT");
        assertThat(response.json().get("reason").asString()).isEqualTo(code);
        assertThat(source.current().agreements()).isNotEmpty();
        String refusalId = response.json().get("refusalId").asString();
        assertThat(this.client.get("/api/v1/audit/transfers?transferId=" + refusalId, "accord-dpo").json().get("entries")
                .get(0).get("code").asString()).isEqualTo(code);
    }

    @Test
    void whenAnInboundRecordMatchesOnlyAnOutboundFlowThenDirectionNotCovered() {
        Response response = client.postJson("/api/v1/records", "p-active", Fixtures.json(Fixtures.submission(
                "referral-outcome", LEAD, "assess", Fixtures.example("referral-outcome"))));

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.json().get("reason").asString()).isEqualTo("DIRECTION_NOT_COVERED");
    }

    @Test
    void whenEverythingMatchesThenTheReferralIsAccepted() {
        Response response = client.postJson("/api/v1/records", "uni-northbridge", Fixtures.json(Fixtures.submission(
                "prevent-referral", "p-active", "assess", Fixtures.example("prevent-referral"))));

        assertThat(response.status()).isEqualTo(202);
    }

    @Test
    void whenASuspendedAgreementIsReactivatedInTheFolderThenTheReloadedCataloguePermits() throws IOException {
        writeAgreement("isa-suspended", "active", TODAY.minusYears(1), TODAY.plusYears(1), "p-suspended", "outbound");
        String body = Fixtures.json(Fixtures.submission("prevent-referral", "p-suspended", "assess", Fixtures.example("prevent-referral")));

        try {
            await().atMost(20, TimeUnit.SECONDS).until(() -> client.postJson("/api/v1/records", "uni-northbridge", body).status() == 202);
        }
        finally {
            writeAgreement("isa-suspended", "suspended", TODAY.minusYears(1), TODAY.plusYears(1), "p-suspended", "outbound");
            assertThat(reloader.reload()).isTrue();
        }
    }

    @Test
    void whenABrokenAgreementIsAddedThenTheReloadIsRejectedAndThePreviousCatalogueStays() throws IOException {
        AgreementCatalogue before = source.current();
        Files.writeString(AGREEMENTS.resolve("isa-broken.yaml"), "id: isa-broken\nversion: one\n");
        try {
            assertThat(reloader.reload()).isFalse();
            // Checked while the broken file is still there: once it is gone the schedule may rightly reload.
            assertThat(source.current()).isSameAs(before);
        }
        finally {
            Files.delete(AGREEMENTS.resolve("isa-broken.yaml"));
        }

        Response stillPermitted = client.postJson("/api/v1/records", "uni-northbridge", Fixtures.json(Fixtures.submission(
                "prevent-referral", "p-active", "assess", Fixtures.example("prevent-referral"))));
        assertThat(stillPermitted.status()).isEqualTo(202);
    }

    private static Path createRoot() {
        try {
            Path root = TestDirs.create("accord-denials-");
            Files.createDirectories(root.resolve("agreements"));
            copyTree(Fixtures.SCHEMAS, root.resolve("schemas"));
            Path records = root.resolve("schemas/records");
            Files.copy(records.resolve("prevent-referral.v1.schema.json"), records.resolve("prevent-referral.v2.schema.json"));
            writeOrganisations(root.resolve("agreements"));
            Path a = root.resolve("agreements");
            writeAgreement(a, "isa-draft", "draft", TODAY.minusYears(1), TODAY.plusYears(1), "p-draft", "outbound");
            writeAgreement(a, "isa-suspended", "suspended", TODAY.minusYears(1), TODAY.plusYears(1), "p-suspended", "outbound");
            writeAgreement(a, "isa-terminated", "terminated", TODAY.minusYears(1), TODAY.plusYears(1), "p-terminated", "outbound");
            writeAgreement(a, "isa-future", "active", TODAY.plusDays(30), TODAY.plusYears(2), "p-future", "outbound");
            writeAgreement(a, "isa-expired", "active", TODAY.minusYears(2), TODAY.minusDays(10), "p-expired", "outbound");
            writeAgreement(a, "isa-active", "active", TODAY.minusYears(1), TODAY.plusYears(1), "p-active", "outbound");
            return root;
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        TestCatalogue.copyTree(from, to);
    }

    private static void writeOrganisations(Path dir) throws IOException {
        TestCatalogue.writeOrganisations(dir, "p-draft", "p-suspended", "p-terminated", "p-future", "p-expired", "p-active",
                "p-lonely", "p-lonely-too");
    }

    private static void writeAgreement(String id, String status, LocalDate effective, LocalDate expires, String partner,
            String outcomeDirection) throws IOException {
        writeAgreement(AGREEMENTS, id, status, effective, expires, partner, outcomeDirection);
    }

    private static void writeAgreement(Path dir, String id, String status, LocalDate effective, LocalDate expires, String partner,
            String outcomeDirection) throws IOException {
        TestCatalogue.writeAgreement(dir, id, status, effective, expires, partner, outcomeDirection, "mailbox", partner);
    }
}
