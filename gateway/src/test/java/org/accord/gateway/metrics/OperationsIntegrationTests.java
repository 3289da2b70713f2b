package org.accord.gateway.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.accord.gateway.support.GatewayClient.Response;
import org.accord.gateway.support.GatewayIntegrationTest;
import org.junit.jupiter.api.Test;

/** What operators rely on: health probes, Prometheus metrics and the OpenAPI document, without a token. */
class OperationsIntegrationTests extends GatewayIntegrationTest {

    @Test
    void whenProbesAreAskedThenLivenessAndReadinessAreUp() {
        assertThat(client.get("/actuator/health/liveness", null).json().get("status").asString()).isEqualTo("UP");
        assertThat(client.get("/actuator/health/readiness", null).json().get("status").asString()).isEqualTo("UP");
    }

    @Test
    void whenPrometheusScrapesThenQueueDepthAndTransferMetricsAreExported() {
        Response response = client.get("/actuator/prometheus", null);

        assertThat(response.status()).isEqualTo(200);
        String text = new String(response.body(), StandardCharsets.UTF_8);
        assertThat(text).contains("accord_transfers_waiting{status=\"QUEUED\"}", "accord_transfers_waiting{status=\"AVAILABLE\"}");
    }

    @Test
    void whenTheOpenApiDocumentIsFetchedThenItDescribesTheApiAndItsSecurity() {
        Response response = client.get("/v3/api-docs", null);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("paths").has("/api/v1/records")).isTrue();
        assertThat(response.json().get("paths").has("/api/v1/mailbox/{transferId}")).isTrue();
        assertThat(response.json().get("components").get("securitySchemes").has("oauth2")).isTrue();
        assertThat(response.json().get("paths").get("/api/v1/records").toString()).doesNotContain("\"caller\"");
    }

    @Test
    void whenAnUnlistedPathIsAskedThenItIsDenied() {
        assertThat(client.get("/actuator/env", null).status()).isIn(401, 403);
        assertThat(client.get("/api/v1/unknown", "uni-northbridge").status()).isEqualTo(403);
    }
}
