package org.accord.gateway.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.Reader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.accord.gateway.AccordApplication;
import org.accord.gateway.support.Fixtures;
import org.accord.gateway.support.GatewayClient;
import org.accord.gateway.support.GatewayClient.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Runs the gateway as its own process, kills it with SIGKILL while submissions are in flight, starts it
 * again on the same data directory, and proves that every transfer that got a 202 was delivered exactly once
 * and is in the transfer log once, and that the log is still one valid chain.
 */
class CrashRecoveryIntegrationTests {

    private static final String POLICE = "ctp-nw-prevent";

    @TempDir
    Path dataDir;

    @Test
    void whenTheGatewayIsKilledMidFlowThenEveryAcceptedTransferIsDeliveredOnceAndLoggedOnce() throws Exception {
        Map<String, String> accepted = new ConcurrentHashMap<>();
        Set<String> unanswered = ConcurrentHashMap.newKeySet();
        int port = freePort();
        Process first = start(port);
        try {
            GatewayClient client = awaitReady(port);
            AtomicBoolean running = new AtomicBoolean(true);
            Thread submitter = new Thread(() -> submitUntilStopped(client, running, accepted, unanswered));
            submitter.start();
            await().atMost(120, TimeUnit.SECONDS).until(() -> accepted.size() >= 15);
            first.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            running.set(false);
            submitter.join(30_000);
        }
        finally {
            first.destroyForcibly();
        }

        Process second = start(port);
        try {
            GatewayClient client = awaitReady(port);
            for (String key : unanswered) {
                Response retried = client.post("/api/v1/records", "uni-northbridge", "application/json",
                        Fixtures.json(Fixtures.referral()).getBytes(StandardCharsets.UTF_8), Map.of("Idempotency-Key", key));
                assertThat(retried.status()).isEqualTo(202);
                accepted.put(key, retried.json().get("transferId").asString());
            }
            await().atMost(120, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(500)).until(() ->
                    mailboxIds(client).containsAll(accepted.values()));

            List<String> inMailbox = mailboxIds(client);
            assertThat(inMailbox).doesNotHaveDuplicates();
            for (String transferId : accepted.values()) {
                List<String> events = new ArrayList<>();
                client.get("/api/v1/audit/transfers?size=500&transferId=" + transferId, "accord-dpo").json().get("entries")
                        .forEach(e -> events.add(e.get("event").asString()));
                assertThat(events).as(transferId).containsOnlyOnce("RECEIVED", "SEALED", "MADE_AVAILABLE");
            }
            JsonNode integrity = client.get("/api/v1/audit/verify", "accord-dpo").json();
            assertThat(integrity.get("valid").asBoolean()).as(integrity.toString()).isTrue();
        }
        finally {
            second.destroy();
            second.waitFor(30, TimeUnit.SECONDS);
            second.destroyForcibly();
        }
    }

    private static void submitUntilStopped(GatewayClient client, AtomicBoolean running, Map<String, String> accepted,
            Set<String> unanswered) {
        String body = Fixtures.json(Fixtures.referral());
        for (int i = 0; running.get() && i < 10_000; i++) {
            String key = "crash-test-" + i;
            unanswered.add(key);
            try {
                Response response = client.post("/api/v1/records", "uni-northbridge", "application/json",
                        body.getBytes(StandardCharsets.UTF_8), Map.of("Idempotency-Key", key));
                if (response.status() == 202) {
                    accepted.put(key, response.json().get("transferId").asString());
                    unanswered.remove(key);
                }
            }
            catch (RuntimeException e) {
                return;
            }
        }
    }

    private static List<String> mailboxIds(GatewayClient client) {
        List<String> ids = new ArrayList<>();
        client.get("/api/v1/mailbox", POLICE).json().get("messages").forEach(m -> ids.add(m.get("transferId").asString()));
        return ids;
    }

    private Process start(int port) throws IOException {
        Path log = Path.of(System.getProperty("accord.test.logdir", dataDir.toString())).resolve("gateway-" + System.nanoTime() + ".log");
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-cp", System.getProperty("java.class.path"), AccordApplication.class.getName(),
                "--server.port=" + port, "--accord.data-dir=" + dataDir, "--accord.delivery.relay-after=PT2S",
                "--accord.delivery.relay-every=PT2S")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private GatewayClient awaitReady(int port) {
        GatewayClient anonymous = new GatewayClient(port, Map.of(), Map.of());
        await().atMost(180, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> anonymous.get("/actuator/health/readiness", null).status() == 200);
        Map<String, String> secrets = new HashMap<>();
        Properties stored = new Properties();
        try (Reader reader = Files.newBufferedReader(dataDir.resolve("demo/clients.properties"))) {
            stored.load(reader);
        }
        catch (IOException e) {
            throw new IllegalStateException(e);
        }
        stored.forEach((k, v) -> secrets.put(k.toString(), v.toString()));
        return new GatewayClient(port, secrets, Map.of("uni-northbridge", "submit:prevent-referral", POLICE, "mailbox",
                "accord-dpo", "audit:read"));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
