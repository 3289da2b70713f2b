package org.accord.gateway.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.accord.gateway.security.DemoClients;
import org.accord.gateway.security.SecurityProperties;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base for tests that run the whole gateway on a random port with its embedded defaults (H2 file database,
 * embedded Artemis with a persistent journal, embedded authorization server, demo keys) in a fresh data
 * directory shared by every class that extends this one, so they share one application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class GatewayIntegrationTest {

    protected static final Path DATA_DIR = TestDirs.create("accord-it-");

    @LocalServerPort
    protected int port;

    @Autowired
    protected DemoClients demoClients;

    @Autowired
    protected SecurityProperties securityProperties;

    private static final Map<Integer, GatewayClient> CLIENTS = new java.util.concurrent.ConcurrentHashMap<>();

    protected GatewayClient client;

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("accord.data-dir", DATA_DIR::toString);
        // A demo user the identity provider signs in but who holds no console role.
        registry.add("accord.console.demo-users.caseworker", () -> "CASEWORKER");
        // Inbound queue messages that cannot be processed reach the dead-letter queue after two quick attempts.
        registry.add("accord.inbound.max-attempts", () -> "2");
        registry.add("accord.inbound.retry-delay", () -> "PT0.2S");
    }

    @BeforeEach
    void client() {
        client = CLIENTS.computeIfAbsent(port, p -> GatewayClient.forDemo(p, securityProperties, demoClients));
    }

    /** A browser-like session on the console that signs in through the embedded authorization server. */
    protected ConsoleSession consoleSession() {
        return new ConsoleSession(port);
    }

    /** The demo console user's password, made at first start. */
    protected static String demoPassword(String user) {
        try (java.io.Reader reader = Files.newBufferedReader(DATA_DIR.resolve("demo").resolve("users.properties"))) {
            java.util.Properties users = new java.util.Properties();
            users.load(reader);
            return users.getProperty(user);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
