package org.accord.gateway.web;

import java.util.List;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Documents in the OpenAPI description the problem answers every API operation can give, beside those its controller
 * documents itself: no or a bad token, a token without the scope or client mapping, an unknown resource, a bad
 * parameter, an unacceptable {@code Accept}, a client over its rate limit. A status the controller documents already is left as it wrote it.
 * The API fuzzing tests hold every answer to this description.
 */
@Configuration(proxyBeanMethods = false)
public class ProblemDocumentation {

    private static final String PROBLEM_JSON = "application/problem+json";

    @Bean
    OpenApiCustomizer commonProblemResponses() {
        return openApi -> {
            if (openApi.getPaths() == null) {
                return;
            }
            openApi.getPaths().forEach((path, item) -> {
                if (path.startsWith("/api/")) {
                    item.readOperations().forEach(operation -> document(path, operation));
                }
            });
        };
    }

    private static void document(String path, Operation operation) {
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        operation.setResponses(responses);
        boolean parameters = operation.getParameters() != null && !operation.getParameters().isEmpty();
        add(responses, "400", ProblemCode.INVALID_PARAMETER, parameters);
        add(responses, "401", ProblemCode.UNAUTHENTICATED, true);
        add(responses, "403", List.of(ProblemCode.INSUFFICIENT_SCOPE, ProblemCode.UNKNOWN_CLIENT));
        add(responses, "404", ProblemCode.NOT_FOUND, path.contains("{"));
        add(responses, "406", ProblemCode.NOT_ACCEPTABLE, true);
        // Every authenticated call is taken from its client's token bucket (ClientRateLimitFilter).
        add(responses, "429", ProblemCode.RATE_LIMITED, true);
    }

    private static void add(ApiResponses responses, String status, ProblemCode code, boolean applies) {
        if (applies) {
            add(responses, status, List.of(code));
        }
    }

    private static void add(ApiResponses responses, String status, List<ProblemCode> codes) {
        if (responses.containsKey(status)) {
            return;
        }
        String description = String.join(" or ", codes.stream().map(Enum::name).toList());
        responses.addApiResponse(status, new ApiResponse().description(description)
                .content(new Content().addMediaType(PROBLEM_JSON, new MediaType())));
    }
}
