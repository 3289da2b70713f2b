package org.accord.gateway.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.accord.gateway.support.Fixtures;
import org.accord.gateway.support.GatewayClient.Response;
import org.accord.gateway.support.GatewayIntegrationTest;
import org.junit.jupiter.api.Test;

/**
 * Every metric that {@code deploy/monitoring/}'s alerts and dashboard read is one a running gateway exposes at
 * {@code /actuator/prometheus} after a submit, with the labels they match on; Spring Boot's own metrics included.
 */
class DeploymentMetricsIntegrationTests extends GatewayIntegrationTest {

    /**
     * Metrics a gateway registers only on an event a submit to a mailbox partner does not cause, each with the event;
     * {@link DeploymentFilesTests} checks their names against the meters in the code.
     */
    private static final Map<String, String> REGISTERED_LATER = Map.of(
            "accord_delivery_circuit_state", "a partner's first push over HTTPS");

    /** Prometheus's own series, not the gateway's. */
    private static final Set<String> PROMETHEUS_OWN = Set.of("up");

    private static final Pattern SERIES = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})? ");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"");

    @Test
    void whenTheGatewayHasTakenARecordThenEveryMetricTheMonitoringReadsIsScrapedWithTheLabelsItMatches() {
        submit();
        // Micrometer registers the collection pause timer at the first collection it is told of: ask for one.
        System.gc();
        await().atMost(Duration.ofSeconds(10)).until(() -> scrape().containsKey("jvm_gc_pause_seconds_sum"));
        Map<String, Set<String>> scraped = scrape();

        Set<String> missing = new TreeSet<>();
        Set<String> wrongLabels = new TreeSet<>();
        for (String query : MonitoringQueries.all()) {
            for (String name : MonitoringQueries.metricNames(query)) {
                if (!scraped.containsKey(name) && !PROMETHEUS_OWN.contains(name) && !REGISTERED_LATER.containsKey(name)) {
                    missing.add(name);
                }
            }
            MonitoringQueries.matchedLabels(query).forEach((name, labels) -> {
                if (scraped.containsKey(name) && !scraped.get(name).containsAll(labels)) {
                    wrongLabels.add(name + " " + labels + " in " + query + "; scraped labels " + scraped.get(name));
                }
            });
        }

        assertThat(scraped).containsKeys("accord_transfers_total", "accord_stage_seconds_bucket", "http_server_requests_seconds_count",
                "accord_certificate_days_left", "accord_agreements_warnings", "accord_recipient_backlog_largest");
        assertThat(missing).as("metrics read by deploy/monitoring/ that the gateway does not expose").isEmpty();
        assertThat(wrongLabels).as("label matchers on labels the metric does not have").isEmpty();
    }

    @Test
    void whenScrapedThenTheCertificateAgreementAndBacklogGaugesAreThere() {
        submit();
        String text = prometheus();

        assertThat(value(text, "accord_certificate_days_left{owner=\"gateway\",use=\"gateway-signing\"}"))
                .as("the demo signing certificate is valid for about two years").isGreaterThan(600);
        assertThat(text).contains("accord_recipient_backlog_largest ");
        assertThat(value(text, "accord_recipient_backlog_bound")).isEqualTo(10_000);
        assertThat(text).contains("accord_agreements_warnings{warning=\"REVIEW_OVERDUE\"}");
    }

    /** The example referral to the police Prevent team under the demo agreement; accepted. */
    private void submit() {
        Response submitted = client.postJson("/api/v1/records", "uni-northbridge", Fixtures.json(Fixtures.referral()));
        assertThat(submitted.status()).isEqualTo(202);
    }

    /** Each series name scraped, with the label names it carries. */
    private Map<String, Set<String>> scrape() {
        Map<String, Set<String>> series = new HashMap<>();
        for (String line : prometheus().split("\n")) {
            Matcher matcher = SERIES.matcher(line);
            if (line.startsWith("#") || !matcher.find()) {
                continue;
            }
            Set<String> labels = series.computeIfAbsent(matcher.group(1), name -> new TreeSet<>());
            if (matcher.group(2) != null) {
                Matcher label = LABEL.matcher(matcher.group(2));
                while (label.find()) {
                    labels.add(label.group(1));
                }
            }
        }
        return series;
    }

    private String prometheus() {
        Response response = client.get("/actuator/prometheus", "accord-monitoring");
        assertThat(response.status()).isEqualTo(200);
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    /** The value of a series, named with all its labels in the exposition's order. */
    private static double value(String text, String series) {
        for (String line : text.split("\n")) {
            if (line.startsWith(series + " ")) {
                return Double.parseDouble(line.substring(series.length() + 1).strip());
            }
        }
        throw new AssertionError("no series " + series);
    }
}
