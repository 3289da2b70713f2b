package org.accord.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.accord.gateway.support.Fixtures;
import org.accord.gateway.support.GatewayIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

/**
 * The authorisation matrix, {@code src/test/resources/security/authorisation-matrix.txt}: one table of every endpoint
 * against every demo client and an anonymous caller. The endpoints are the application's own (every Spring MVC and
 * actuator mapping), so an endpoint added without a row fails the build, as does a row for an endpoint that is gone,
 * a demo client without a column, or any call answered otherwise than its cell says.
 */
class AuthorisationMatrixIntegrationTests extends GatewayIntegrationTest {

    static final Path MATRIX = Path.of("src", "test", "resources", "security", "authorisation-matrix.txt");
    static final String ANONYMOUS = "anonymous";
    static final String NO_SUCH_ID = "01a00000-0000-7000-8000-000000000000";

    @Autowired
    private ApplicationContext context;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void whenTheApplicationHasAnEndpointThenTheMatrixHasExactlyOneRowForIt() {
        Set<String> mapped = mappedEndpoints();
        Set<String> rows = new TreeSet<>();
        List<String> duplicates = new ArrayList<>();
        matrix().rows().stream().filter(r -> r.source().equals("mvc")).forEach(r -> {
            if (!rows.add(r.endpoint())) {
                duplicates.add(r.endpoint());
            }
        });

        assertThat(duplicates).as("rows given twice").isEmpty();
        assertThat(difference(mapped, rows)).as("endpoints without a row in " + MATRIX).isEmpty();
        assertThat(difference(rows, mapped)).as("rows in " + MATRIX + " for endpoints the application does not have").isEmpty();
    }

    @Test
    void whenTheMatrixIsReadThenItsColumnsAreTheDemoClientsAndAnAnonymousCaller() {
        Set<String> expected = new TreeSet<>(securityProperties.demoClients().keySet());
        expected.add(ANONYMOUS);

        assertThat(new TreeSet<>(matrix().callers())).isEqualTo(expected);
    }

    @Test
    void whenEachCallerCallsEachEndpointThenTheAnswerIsTheOneTheMatrixGives() {
        Matrix matrix = matrix();
        List<String> wrong = new ArrayList<>();
        for (Row row : matrix.rows()) {
            for (int i = 0; i < matrix.callers().size(); i++) {
                String caller = matrix.callers().get(i);
                String expected = row.cells().get(i);
                int status = call(row, caller);
                if (!matches(expected, status)) {
                    wrong.add(row.endpoint() + " as " + caller + ": expected " + expected + ", answered " + status);
                }
            }
        }

        assertThat(wrong).as("calls answered otherwise than " + MATRIX + " says").isEmpty();
    }

    private static boolean matches(String expected, int status) {
        if (expected.equals("ok")) {
            return status < 500 && status != 401 && status != 403 && status != 302 && status != 429;
        }
        return Integer.parseInt(expected) == status;
    }

    private int call(Row row, String caller) {
        String path = row.path().replaceAll("\\{[^}]+}", NO_SUCH_ID).replace("**", "db");
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(30));
        if (!caller.equals(ANONYMOUS)) {
            request.header("Authorization", "Bearer " + client.token(caller));
        }
        if (path.equals("/oauth2/token")) {
            request.header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"));
        }
        else if (row.method().equals("POST")) {
            String body = path.equals("/api/v1/records") ? Fixtures.json(Fixtures.referral()) : "{}";
            request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        }
        else {
            request.method(row.method().equals("ANY") ? "GET" : row.method(), HttpRequest.BodyPublishers.noBody());
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Every method and path pattern of every request mapping: the controllers', springdoc's and the actuator's. */
    private Set<String> mappedEndpoints() {
        Set<String> endpoints = new TreeSet<>();
        for (RequestMappingInfoHandlerMapping mapping : context.getBeansOfType(RequestMappingInfoHandlerMapping.class).values()) {
            for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                for (String pattern : info.getPatternValues()) {
                    if (methods.isEmpty()) {
                        endpoints.add("ANY " + pattern);
                    }
                    methods.forEach(m -> endpoints.add(m.name() + " " + pattern));
                }
            }
        }
        return endpoints;
    }

    private static Set<String> difference(Set<String> a, Set<String> b) {
        Set<String> result = new TreeSet<>(a);
        result.removeAll(b);
        return result;
    }

    static Matrix matrix() {
        try {
            List<String> callers = null;
            List<Row> rows = new ArrayList<>();
            for (String line : Files.readAllLines(MATRIX)) {
                String[] cells = line.trim().split("\\s+");
                if (line.startsWith("# source ")) {
                    callers = List.of(Arrays.copyOfRange(cells, 4, cells.length));
                }
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (callers == null || cells.length != 3 + callers.size()) {
                    throw new IllegalStateException("Malformed row in " + MATRIX + ": " + line);
                }
                rows.add(new Row(cells[0], cells[1], cells[2], List.of(Arrays.copyOfRange(cells, 3, cells.length))));
            }
            if (callers == null) {
                throw new IllegalStateException("No header row (# source method path callers...) in " + MATRIX);
            }
            return new Matrix(callers, rows);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    record Matrix(List<String> callers, List<Row> rows) {
    }

    record Row(String source, String method, String path, List<String> cells) {

        String endpoint() {
            return method + " " + path;
        }
    }
}
