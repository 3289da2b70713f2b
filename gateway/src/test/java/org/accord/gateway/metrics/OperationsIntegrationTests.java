package org.accord.gateway.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.accord.gateway.support.GatewayClient.Response;
import org.accord.gateway.support.GatewayIntegrationTest;
import org.junit.jupiter.api.Test;

/**
 * What operators rely on: health probes and the OpenAPI document without a token, Prometheus metrics and health
 * details with a token carrying {@code metrics:read} (the demo client {@code accord-monitoring}) and not without.
 */
class OperationsIntegrationTests extends GatewayIntegrationTest {

    @Test
    void whenProbesAreAskedThenLivenessAndReadinessAreUp() {
        assertThat(client.get("/actuator/health/liveness", null).json().get("status").asString()).isEqualTo("UP");
        assertThat(client.get("/actuator/health/readiness", null).json().get("status").asString()).isEqualTo("UP");
    }

    @Test
    void whenPrometheusScrapesThenQueueDepthAndTransferMetricsAreExported() {
        Response response = client.get("/actuator/prometheus", "accord-monitoring");

        assertThat(response.status()).isEqualTo(200);
        String text = new String(response.body(), StandardCharsets.UTF_8);
        assertThat(text).contains("accord_transfers_waiting{status=\"QUEUED\"}", "accord_transfers_waiting{status=\"AVAILABLE\"}");
    }

    @Test
    void whenMetricsOrHealthDetailsAreAskedWithoutMetricsScopeThenTheyAreRefused() {
        assertThat(client.get("/actuator/prometheus", null).status()).isEqualTo(401);
        assertThat(client.get("/actuator/prometheus", null).code()).isEqualTo("UNAUTHENTICATED");
        assertThat(client.get("/actuator/prometheus", "uni-northbridge").status()).isEqualTo(403);
        assertThat(client.get("/actuator/metrics", "accord-dpo").status()).isEqualTo(403);
        assertThat(client.get("/actuator/health/deliveryCircuits", null).status()).isEqualTo(401);
        assertThat(client.get("/actuator/health/db", "uni-northbridge").status()).isEqualTo(403);
    }

    @Test
    void whenHealthIsAskedThenAnyoneSeesTheStatusAndOnlyMonitoringSeesTheComponents() {
        Response anonymous = client.get("/actuator/health", null);
        Response monitoring = client.get("/actuator/health", "accord-monitoring");

        assertThat(anonymous.json().get("status").asString()).isEqualTo("UP");
        assertThat(anonymous.json().has("components")).isFalse();
        assertThat(client.get("/actuator/health/readiness", null).json().has("components")).isFalse();
        assertThat(monitoring.json().get("components").has("deliveryCircuits")).isTrue();
        assertThat(client.get("/actuator/health/deliveryCircuits", "accord-monitoring").json().has("details")).isTrue();
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
