package org.accord.gateway.delivery;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import org.accord.gateway.AccordApplication;
import org.accord.gateway.support.Fixtures;
import org.accord.gateway.support.GatewayClient;
import org.accord.gateway.support.TestCatalogue;
import org.accord.gateway.support.TestDirs;
import org.accord.gateway.support.TestTls;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.node.ObjectNode;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The urgent path's figure, run by hand, never by the test suite (the name matches no test pattern, and it needs
 * {@code -Daccord.measure.urgent=true}):
 * <pre>
 * nice -n 5 ./mvnw -q -o -pl gateway test -Dtest=UrgentMeasurement -Daccord.measure.urgent=true -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 * One gateway on its embedded defaults pushes over HTTPS with mutual TLS to one partner (WireMock) that takes
 * {@code accord.measure.partner-delay-ms} (default 200) to answer each push, so that the backlog outlasts the run. It accepts
 * {@code accord.measure.backlog} (default 10,000) routine referrals for that partner while its delivery consumers are
 * stopped, starts them, so that the whole backlog waits, then submits {@code accord.measure.urgent-count} (default 10) urgent referrals (immediate risk),
 * one every two seconds, and reports for each the time from sending it to the partner receiving it, and from its
 * {@code 202} reaching the client to the partner receiving it (negative when the push arrived first), with the
 * routine transfers still waiting at that moment. Results go to standard out and to
 * {@code target/urgent-measurement.txt}.
 */
@EnabledIfSystemProperty(named = "accord.measure.urgent", matches = "true")
class UrgentMeasurement {

    private static final int BACKLOG = Integer.getInteger("accord.measure.backlog", 10_000);
    private static final int URGENT = Integer.getInteger("accord.measure.urgent-count", 10);
    private static final int PARTNER_DELAY_MS = Integer.getInteger("accord.measure.partner-delay-ms", 200);
    private static final Path RESULTS = Path.of("target", "urgent-measurement.txt");

    /** When the partner received each transfer, by the Accord-Transfer-Id header of the push. */
    private static final Map<String, Long> ARRIVED = new ConcurrentHashMap<>();

    @Test
    void urgentTransferAheadOfABacklog() throws Exception {
        Path root = TestDirs.create("accord-urgent-measure-");
        TestTls tls = TestTls.create(root.resolve("tls"));
        WireMockServer partner = new WireMockServer(tls.mutualTlsServer().extensions(new Arrivals())
                .disableRequestJournal().containerThreads(16));
        partner.start();
        try {
            partner.stubFor(post(urlEqualTo("/p-push/inbound"))
                    .willReturn(aResponse().withStatus(202).withFixedDelay(PARTNER_DELAY_MS).withTransformers(Arrivals.NAME)));
            Path agreements = Files.createDirectories(root.resolve("agreements"));
            TestCatalogue.copyTree(Fixtures.SCHEMAS, root.resolve("schemas"));
            TestCatalogue.writeOrganisations(agreements, "p-push");
            LocalDate today = LocalDate.now();
            TestCatalogue.writeAgreement(agreements, "isa-p-push", "active", today.minusYears(1), today.plusYears(1), "p-push",
                    "inbound", "https", "https://localhost:" + partner.httpsPort() + "/p-push/inbound");
            String[] args = { "--server.port=0", "--accord.data-dir=" + root.resolve("data"),
                    "--accord.agreements.directory=" + agreements, "--accord.schemas.directory=" + root.resolve("schemas"),
                    "--accord.partners.p-push.name=Partner p-push", "--accord.delivery.https.p-push.tls-bundle=partners",
                    "--accord.delivery.max-outstanding-per-recipient=" + (BACKLOG * 2),
                    "--accord.security.rate-limits.clients.uni-northbridge.requests-per-second=100000",
                    "--accord.security.rate-limits.clients.uni-northbridge.burst=100000",
                    "--spring.ssl.bundle.pem.partners.keystore.certificate=file:" + tls.path("client.crt"),
                    "--spring.ssl.bundle.pem.partners.keystore.private-key=file:" + tls.path("client.key"),
                    "--spring.ssl.bundle.pem.partners.truststore.certificate=file:" + tls.path("ca.crt") };
            try (ConfigurableApplicationContext gateway = new SpringApplicationBuilder(AccordApplication.class).run(args)) {
                GatewayClient client = GatewayClient.forContext(gateway);
                JdbcTemplate jdbc = gateway.getBean(JdbcTemplate.class);
                // The partner is "away" while the backlog builds (the delivery consumers stopped, as if its pushes had
                // been failing), so that all of it waits when the urgent transfers come.
                org.apache.camel.CamelContext camel = gateway.getBean(org.apache.camel.CamelContext.class);
                camel.getRouteController().stopRoute("delivery.dispatch");
                long filling = System.nanoTime();
                ExecutorService pool = Executors.newFixedThreadPool(8);
                try {
                    List<Future<String>> routine = new ArrayList<>();
                    for (int i = 0; i < BACKLOG; i++) {
                        routine.add(pool.submit(() -> client.submitReferral("p-push")));
                    }
                    for (Future<String> f : routine) {
                        f.get(10, TimeUnit.MINUTES);
                    }
                }
                finally {
                    pool.shutdown();
                }
                double fillSeconds = (System.nanoTime() - filling) / 1e9;
                report(String.format("%,d routine referrals accepted in %.1f s; partner answers each push after %d ms; %d cores",
                        BACKLOG, fillSeconds, PARTNER_DELAY_MS, Runtime.getRuntime().availableProcessors()));

                camel.getRouteController().startRoute("delivery.dispatch");
                Thread.sleep(2000);
                List<Long> latencies = new ArrayList<>();
                for (int i = 0; i < URGENT; i++) {
                    int waiting = waiting(jdbc);
                    ObjectNode record = Fixtures.example("prevent-referral");
                    ((ObjectNode) record.get("immediateRisk")).put("emergencyServicesCalled", true);
                    String body = Fixtures.json(Fixtures.submission("prevent-referral", "p-push", "assess", record));
                    client.token("uni-northbridge");
                    long sentAt = System.nanoTime();
                    GatewayClient.Response accepted = client.postJson("/api/v1/records", "uni-northbridge", body);
                    long acceptedAt = System.nanoTime();
                    assertThat(accepted.status()).isEqualTo(202);
                    String id = accepted.json().get("transferId").asString();
                    long deadline = acceptedAt + TimeUnit.SECONDS.toNanos(120);
                    while (!ARRIVED.containsKey(id) && System.nanoTime() < deadline) {
                        Thread.sleep(1);
                    }
                    Long arrived = ARRIVED.get(id);
                    assertThat(arrived).as("urgent transfer " + id + " reached the partner").isNotNull();
                    long millis = TimeUnit.NANOSECONDS.toMillis(arrived - sentAt);
                    latencies.add(millis);
                    report(String.format("urgent %d: sent to the partner's receipt %d ms (202 to receipt %d ms), with %,d routine "
                            + "transfers waiting", i + 1, millis, TimeUnit.NANOSECONDS.toMillis(arrived - acceptedAt), waiting));
                    Thread.sleep(2000);
                }
                latencies.sort(Long::compare);
                report(String.format("urgent transfers: %d, sent to the partner's receipt median %d ms, max %d ms; routine still waiting at the end %,d",
                        latencies.size(), latencies.get(latencies.size() / 2), latencies.get(latencies.size() - 1), waiting(jdbc)));
            }
        }
        finally {
            partner.stop();
        }
    }

    private static int waiting(JdbcTemplate jdbc) {
        return jdbc.queryForObject("select count(*) from transfer where status in ('SEALED', 'QUEUED')", Integer.class);
    }

    private static void report(String line) throws IOException {
        System.out.println("URGENT-MEASUREMENT " + line);
        Files.createDirectories(RESULTS.getParent());
        Files.writeString(RESULTS, line + System.lineSeparator(), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /** Notes when each push arrives, before WireMock's delay; the response itself is left as it is. */
    public static final class Arrivals implements ResponseDefinitionTransformerV2 {

        static final String NAME = "urgent-arrivals";

        @Override
        public ResponseDefinition transform(ServeEvent event) {
            String id = event.getRequest().getHeader("Accord-Transfer-Id");
            if (id != null) {
                ARRIVED.putIfAbsent(id, System.nanoTime());
            }
            return event.getResponseDefinition();
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }

        @Override
        public String getName() {
            return NAME;
        }
    }
}
