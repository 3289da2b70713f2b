package org.accord.gateway.inbound;

import static org.accord.gateway.inbound.InboundMessages.CHANNEL_PANEL;
import static org.accord.gateway.inbound.InboundMessages.POLICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.accord.gateway.crypto.DemoPki;
import org.accord.gateway.inbound.InboundTlsConfiguration.InboundTlsListener;
import org.accord.gateway.support.GatewayClient.Response;
import org.accord.gateway.support.GatewayIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The inbound HTTPS listener with mutual TLS: a partner's trusted client certificate alone is enough and is logged
 * as the actor; a self-signed certificate, an expired one from the partner CA, and a valid one no partner holds
 * are refused with their codes and logged; a certificate and a token of different organisations are refused; and
 * the listener's server certificate is the demo PKI's, for localhost.
 */
class InboundTlsIntegrationTests extends GatewayIntegrationTest {

    @Autowired
    private InboundTlsListener listener;

    @Test
    void whenThePoliceCertificateAloneComesWithTheirOutcomeThenItIsAcceptedAndLoggedWithTheCertificateAsActor() throws Exception {
        DemoPki pki = InboundMessages.pki(DATA_DIR);
        PartnerCredentials police = PartnerCredentials.demo(pki, POLICE);

        Response response = PartnerCredentials.post(https(police), listener.port(),
                InboundMessages.seal(InboundMessages.outcome(POLICE), police, pki), null);

        assertThat(response.status()).as(new String(response.body())).isEqualTo(202);
        String transferId = response.json().get("transferId").asString();
        JsonNode received = entry(transferId, "RECEIVED");
        assertThat(received.get("actor").asString()).isEqualTo("tls:" + POLICE);
        assertThat(response.json().get("receipt").asString()).isNotBlank();
    }

    @Test
    void whenTheCertificateAndTheTokenNameTheSameOrganisationThenItIsAccepted() throws Exception {
        DemoPki pki = InboundMessages.pki(DATA_DIR);
        PartnerCredentials police = PartnerCredentials.demo(pki, POLICE);

        Response response = PartnerCredentials.post(https(police), listener.port(),
                InboundMessages.seal(InboundMessages.outcome(POLICE), police, pki), client.token(POLICE));

        assertThat(response.status()).as(new String(response.body())).isEqualTo(202);
        assertThat(entry(response.json().get("transferId").asString(), "RECEIVED").get("actor").asString()).isEqualTo(POLICE);
    }

    @Test
    void whenTheCertificateIsThePolicesButTheTokenTheChannelPanelsThenOrganisationMismatch() throws Exception {
        DemoPki pki = InboundMessages.pki(DATA_DIR);
        PartnerCredentials police = PartnerCredentials.demo(pki, POLICE);

        Response response = PartnerCredentials.post(https(police), listener.port(),
                InboundMessages.seal(InboundMessages.outcome(POLICE), police, pki), client.token(CHANNEL_PANEL));

        assertRefused(response, "ORGANISATION_MISMATCH");
    }

    @Test
    void whenTheClientCertificateIsSelfSignedThenUntrustedEvenWithAValidToken() throws Exception {
        DemoPki pki = InboundMessages.pki(DATA_DIR);
        byte[] sealed = InboundMessages.seal(InboundMessages.outcome(POLICE), PartnerCredentials.demo(pki, POLICE), pki);
        HttpClient rogue = https(PartnerCredentials.selfSigned(POLICE));

        assertRefused(PartnerCredentials.post(rogue, listener.port(), sealed, null), "CLIENT_CERTIFICATE_UNTRUSTED");
        assertRefused(PartnerCredentials.post(rogue, listener.port(), sealed, client.token(POLICE)), "CLIENT_CERTIFICATE_UNTRUSTED");
    }

    @Test
    void whenTheClientCertificateFromThePartnerCaHasExpiredThenExpired() throws Exception {
        DemoPki pki = InboundMessages.pki(DATA_DIR);
        PartnerCredentials expired = PartnerCredentials.issuedByDemoCa(DATA_DIR.resolve("pki"), POLICE,
                Instant.now().minus(Duration.ofDays(400)), Instant.now().minus(Duration.ofDays(35)));

        Response response = PartnerCredentials.post(https(expired), listener.port(),
                InboundMessages.seal(InboundMessages.outcome(POLICE), PartnerCredentials.demo(pki, POLICE), pki), null);

        assertRefused(response, "CLIENT_CERTIFICATE_EXPIRED");
    }

    @Test
    void whenTheClientCertificateIsValidButNoPartnersThenUnknown() throws Exception {
        DemoPki pki = InboundMessages.pki(DATA_DIR);
        PartnerCredentials stranger = PartnerCredentials.issuedByDemoCa(DATA_DIR.resolve("pki"), "not-a-partner",
                Instant.now().minus(Duration.ofDays(1)), Instant.now().plus(Duration.ofDays(30)));

        Response response = PartnerCredentials.post(https(stranger), listener.port(),
                InboundMessages.seal(InboundMessages.outcome(POLICE), PartnerCredentials.demo(pki, POLICE), pki), null);

        assertRefused(response, "CLIENT_CERTIFICATE_UNKNOWN");
    }

    @Test
    void whenNeitherCertificateNorTokenComeThenUnauthenticated() throws Exception {
        DemoPki pki = InboundMessages.pki(DATA_DIR);

        Response response = PartnerCredentials.post(https(null), listener.port(),
                InboundMessages.seal(InboundMessages.outcome(POLICE), PartnerCredentials.demo(pki, POLICE), pki), null);

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.code()).isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void whenAClientTrustsOnlyAnotherCaThenTheHandshakeFailsBecauseTheServerCertificateIsTheDemoPkis() throws Exception {
        HttpClient distrusting = PartnerCredentials.httpsClient(null, PartnerCredentials.selfSigned("someone-else").certificate());

        assertThatThrownBy(() -> PartnerCredentials.post(distrusting, listener.port(), new byte[] {1}, null))
                .isInstanceOf(IOException.class);
    }

    @Test
    void whenAnythingButTheInboundEndpointIsAskedOnThePartnersListenerThenItIsNotFound() throws Exception {
        HttpClient police = https(PartnerCredentials.demo(InboundMessages.pki(DATA_DIR), POLICE));
        String base = "https://localhost:" + listener.port();

        for (String path : List.of("/actuator/health", "/actuator/prometheus", "/v3/api-docs", "/console", "/login",
                "/api/v1/agreements", "/api/v1/mailbox", "/oauth2/jwks")) {
            java.net.http.HttpResponse<String> response = police.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + path))
                    .GET().build(), java.net.http.HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.body()).as(path).contains("\"code\":\"NOT_FOUND\"");
        }
        java.net.http.HttpResponse<String> token = police.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(token.statusCode()).isEqualTo(404);
    }

    @Test
    void whenThePartnersListenerAnswersThenItSendsHstsAndForbidsCaching() throws Exception {
        HttpClient police = https(PartnerCredentials.demo(InboundMessages.pki(DATA_DIR), POLICE));

        java.net.http.HttpResponse<String> response = police.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("https://localhost:" + listener.port() + "/api/v1/inbound"))
                .header("Content-Type", "application/json").POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(response.headers().firstValue("Strict-Transport-Security")).hasValueSatisfying(v -> assertThat(v).contains("max-age="));
        assertThat(response.headers().firstValue("Cache-Control")).contains("no-store");
    }

    private HttpClient https(PartnerCredentials credentials) throws Exception {
        return PartnerCredentials.httpsClient(credentials, InboundMessages.pki(DATA_DIR).caCertificate());
    }

    private void assertRefused(Response response, String reason) {
        assertThat(response.status()).as(new String(response.body())).isEqualTo(403);
        assertThat(response.code()).isEqualTo("CLIENT_CERTIFICATE_REFUSED");
        assertThat(response.json().get("reason").asString()).isEqualTo(reason);
        JsonNode refusal = entry(response.json().get("refusalId").asString(), "REFUSED");
        assertThat(refusal.get("code").asString()).isEqualTo(reason);
    }

    private JsonNode entry(String transferId, String event) {
        List<JsonNode> matching = new ArrayList<>();
        client.get("/api/v1/audit/transfers?transferId=" + transferId, "accord-dpo").json().get("entries").forEach(e -> {
            if (event.equals(e.get("event").asString())) {
                matching.add(e);
            }
        });
        assertThat(matching).as("log entries %s for %s", event, transferId).hasSize(1);
        return matching.get(0);
    }
}
