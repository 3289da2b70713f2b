package org.accord.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.accord.gateway.support.GatewayClient.Response;
import org.accord.gateway.support.GatewayIntegrationTest;
import org.junit.jupiter.api.Test;

/**
 * Requests refused before the application sees them still get a problem with a code. Found by
 * {@code ApiFuzzingIntegrationTests}: Tomcat answered an encoded NUL with its HTML error page, and Spring Security's
 * firewall answered a path ending in {@code /..} with the framework's JSON error body, neither with a code.
 */
class MalformedRequestsIntegrationTests extends GatewayIntegrationTest {

    @Test
    void whenThePathHoldsAnEncodedNulThen400InvalidParameterAsAProblem() {
        Response response = client.get("/api/v1/transfers/%00", "uni-northbridge");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.code()).isEqualTo("INVALID_PARAMETER");
        assertThat(new String(response.body(), java.nio.charset.StandardCharsets.UTF_8)).doesNotContainIgnoringCase("tomcat");
    }

    @Test
    void whenThePathIsNotNormalisedThen400InvalidParameterAsAProblem() {
        Response response = client.get("/api/v1/transfers/..", "uni-northbridge");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.code()).isEqualTo("INVALID_PARAMETER");
    }

    @Test
    void whenAnOperationIsDescribedThenItsCommonProblemsAreDocumented() {
        var responses = client.get("/v3/api-docs", null).json().path("paths").path("/api/v1/transfers/{id}").path("get")
                .path("responses");

        assertThat(responses.path("401").path("description").asString()).contains("UNAUTHENTICATED");
        assertThat(responses.path("403").path("description").asString()).contains("INSUFFICIENT_SCOPE");
        assertThat(responses.path("404").path("description").asString()).contains("NOT_FOUND");
    }

    @Test
    void whenAnyApiOperationIsDescribedThenItDocumentsTheRateLimitsAnswer() {
        var paths = client.get("/v3/api-docs", null).json().path("paths");
        List<String> undocumented = new ArrayList<>();
        paths.properties().forEach(path -> {
            if (path.getKey().startsWith("/api/")) {
                path.getValue().properties().forEach(operation -> {
                    if (!operation.getValue().path("responses").path("429").path("description").asString("").contains("RATE_LIMITED")) {
                        undocumented.add(operation.getKey() + " " + path.getKey());
                    }
                });
            }
        });

        // Every authenticated call is taken from its client's token bucket, so any of them may be answered 429.
        assertThat(paths.size()).isGreaterThan(10);
        assertThat(undocumented).isEmpty();
    }
}
