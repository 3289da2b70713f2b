package org.accord.gateway.delivery;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.accord.gateway.AccordApplication;
import org.accord.gateway.support.Fixtures;
import org.accord.gateway.support.GatewayClient;
import org.accord.gateway.support.TestCatalogue;
import org.accord.gateway.support.TestDirs;
import org.accord.gateway.support.TestTls;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * HTTPS push to partners that are WireMock servers requiring mutual TLS: success; a 500 then success; a
 * partner that times out; a partner down for the whole retry window, failed and then resent by hand; and a
 * partner configured with a client certificate the partner does not trust.
 */
class HttpsPushIntegrationTests {

    private static final String[] PARTNERS = {"p-ok", "p-flaky", "p-down", "p-slow", "p-rogue", "p-oauth"};

    private static Path root;
    private static WireMockServer partner;
    private static WireMockServer authorizationServer;
    private static ConfigurableApplicationContext gateway;
    private static GatewayClient client;

    @BeforeAll
    static void start() throws Exception {
        root = TestDirs.create("accord-push-");
        TestTls tls = TestTls.create(root.resolve("tls"));
        partner = new WireMockServer(tls.mutualTlsServer());
        partner.start();
        stubPartners();
        authorizationServer = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        authorizationServer.start();
        authorizationServer.stubFor(post(urlEqualTo("/oauth2/token")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"access_token\":\"partner-token-123\",\"token_type\":\"Bearer\",\"expires_in\":300,\"scope\":\"accord.inbound\"}")));

        Path agreements = root.resolve("agreements");
        Files.createDirectories(agreements);
        TestCatalogue.copyTree(Fixtures.SCHEMAS, root.resolve("schemas"));
        TestCatalogue.writeOrganisations(agreements, PARTNERS);
        LocalDate today = LocalDate.now();
        for (String p : PARTNERS) {
            TestCatalogue.writeAgreement(agreements, "isa-" + p, "active", today.minusYears(1), today.plusYears(1), p, "inbound",
                    "https", "https://localhost:" + partner.httpsPort() + "/" + p + "/inbound");
        }
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--accord.data-dir=" + root.resolve("data"),
                "--accord.agreements.directory=" + agreements, "--accord.schemas.directory=" + root.resolve("schemas"),
                "--accord.delivery.max-attempts=3", "--accord.delivery.retry-delay=PT0.2S", "--accord.delivery.max-retry-delay=PT0.5S",
                "--accord.delivery.http-timeout=PT1S",
                "--spring.ssl.bundle.pem.partners.keystore.certificate=file:" + tls.path("client.crt"),
                "--spring.ssl.bundle.pem.partners.keystore.private-key=file:" + tls.path("client.key"),
                "--spring.ssl.bundle.pem.partners.truststore.certificate=file:" + tls.path("ca.crt"),
                "--spring.ssl.bundle.pem.rogue.keystore.certificate=file:" + tls.path("rogue.crt"),
                "--spring.ssl.bundle.pem.rogue.keystore.private-key=file:" + tls.path("rogue.key"),
                "--spring.ssl.bundle.pem.rogue.truststore.certificate=file:" + tls.path("ca.crt")));
        args.add("--spring.security.oauth2.client.registration.p-oauth.client-id=accord-northbridge");
        args.add("--spring.security.oauth2.client.registration.p-oauth.client-secret=test-only-secret");
        args.add("--spring.security.oauth2.client.registration.p-oauth.authorization-grant-type=client_credentials");
        args.add("--spring.security.oauth2.client.registration.p-oauth.scope=accord.inbound");
        args.add("--spring.security.oauth2.client.provider.p-oauth.token-uri=http://localhost:" + authorizationServer.port() + "/oauth2/token");
        args.add("--accord.delivery.https.p-oauth.oauth2-registration=p-oauth");
        for (String p : PARTNERS) {
            args.add("--accord.partners." + p + ".name=Partner " + p);
            args.add("--accord.delivery.https." + p + ".tls-bundle=" + (p.equals("p-rogue") ? "rogue" : "partners"));
        }
        gateway = new SpringApplicationBuilder(AccordApplication.class).run(args.toArray(String[]::new));
        client = GatewayClient.forContext(gateway);
    }

    @AfterAll
    static void stop() {
        if (gateway != null) {
            gateway.close();
        }
        if (partner != null) {
            partner.stop();
        }
        if (authorizationServer != null) {
            authorizationServer.stop();
        }
    }

    private static void stubPartners() {
        partner.stubFor(post(urlEqualTo("/p-ok/inbound")).willReturn(aResponse().withStatus(202)));
        partner.stubFor(post(urlEqualTo("/p-flaky/inbound")).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(500)).willSetStateTo("recovered"));
        partner.stubFor(post(urlEqualTo("/p-flaky/inbound")).inScenario("flaky").whenScenarioStateIs("recovered")
                .willReturn(aResponse().withStatus(202)));
        partner.stubFor(post(urlEqualTo("/p-down/inbound")).willReturn(aResponse().withStatus(503)));
        partner.stubFor(post(urlEqualTo("/p-slow/inbound")).willReturn(aResponse().withStatus(202).withFixedDelay(3000)));
        partner.stubFor(post(urlEqualTo("/p-rogue/inbound")).willReturn(aResponse().withStatus(202)));
        partner.stubFor(post(urlEqualTo("/p-oauth/inbound")).willReturn(aResponse().withStatus(401)));
        partner.stubFor(post(urlEqualTo("/p-oauth/inbound")).withHeader("Authorization", equalTo("Bearer partner-token-123"))
                .willReturn(aResponse().withStatus(202)));
    }

    @Test
    void whenThePartnerAcceptsThenTheSealedMessageArrivesOnceOverMutualTlsAndTheTransferIsDelivered() {
        String id = client.submitReferral("p-ok");

        client.awaitTransferStatus(id, "DELIVERED");
        partner.verify(1, postRequestedFor(urlEqualTo("/p-ok/inbound")).withHeader("Accord-Transfer-Id", equalTo(id))
                .withHeader("Content-Type", equalTo("application/pkcs7-mime; smime-type=authEnveloped-data")));
        assertThat(events(id)).contains("DELIVERED").doesNotContain("DELIVERY_ATTEMPT_FAILED");
    }

    @Test
    void whenThePartnerAsksForAnOAuth2TokenThenThePushCarriesOneFromItsAuthorizationServer() {
        String id = client.submitReferral("p-oauth");

        client.awaitTransferStatus(id, "DELIVERED");
        authorizationServer.verify(postRequestedFor(urlEqualTo("/oauth2/token")));
        partner.verify(1, postRequestedFor(urlEqualTo("/p-oauth/inbound")).withHeader("Authorization", equalTo("Bearer partner-token-123")));
    }

    @Test
    void whenThePartnerFailsOnceThenTheRetryDeliversAndBothAttemptsAreLogged() {
        String id = client.submitReferral("p-flaky");

        client.awaitTransferStatus(id, "DELIVERED");
        assertThat(events(id)).containsSubsequence("DELIVERY_ATTEMPT_FAILED", "DELIVERED");
        assertThat(codes(id)).contains("HTTP_500");
    }

    @Test
    void whenThePartnerIsTooSlowThenTheAttemptTimesOutAndIsLogged() {
        String id = client.submitReferral("p-slow");

        await().atMost(60, TimeUnit.SECONDS).until(() -> codes(id).contains("TIMEOUT"));
    }

    @Test
    void whenThePartnerIsDownForTheWholeRetryWindowThenTheTransferFailsAndAManualResendDeliversIt() {
        String id = client.submitReferral("p-down");

        client.awaitTransferStatus(id, "FAILED");
        assertThat(events(id)).containsSubsequence("DELIVERY_ATTEMPT_FAILED", "DELIVERY_ATTEMPT_FAILED", "DELIVERY_FAILED");
        partner.stubFor(post(urlEqualTo("/p-down/inbound")).willReturn(aResponse().withStatus(202)));
        try {
            GatewayClient.Response resend = client.post("/api/v1/transfers/" + id + "/resend", "accord-dpo", null, new byte[0], Map.of());
            assertThat(resend.status()).isEqualTo(200);
            client.awaitTransferStatus(id, "DELIVERED");
            assertThat(events(id)).containsSubsequence("DELIVERY_FAILED", "RESEND_REQUESTED", "DELIVERED");
        }
        finally {
            partner.stubFor(post(urlEqualTo("/p-down/inbound")).willReturn(aResponse().withStatus(503)));
        }
    }

    @Test
    void whenTheClientCertificateIsNotTrustedByThePartnerThenTheTlsFailureIsLoggedAndNothingArrives() {
        String id = client.submitReferral("p-rogue");

        client.awaitTransferStatus(id, "FAILED");
        assertThat(codes(id)).contains("TLS_FAILURE");
        partner.verify(0, postRequestedFor(urlEqualTo("/p-rogue/inbound")));
    }

    private static List<String> events(String id) {
        List<String> events = new ArrayList<>();
        client.get("/api/v1/audit/transfers?transferId=" + id, "accord-dpo").json().get("entries")
                .forEach(e -> events.add(e.get("event").asString()));
        return events;
    }

    private static List<String> codes(String id) {
        List<String> codes = new ArrayList<>();
        client.get("/api/v1/audit/transfers?transferId=" + id, "accord-dpo").json().get("entries")
                .forEach(e -> codes.add(e.get("code").asString()));
        return codes;
    }
}
