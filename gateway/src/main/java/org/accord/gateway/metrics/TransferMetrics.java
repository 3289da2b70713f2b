package org.accord.gateway.metrics;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * Counts transfers accepted per agreement and refusals per code. Counters are looked up once per tag set and
 * kept: every submit counts, and building and registering a meter each time costs more than the increment.
 */
@Component
public final class TransferMetrics {

    private final MeterRegistry registry;
    private final Map<List<String>, Counter> counters = new ConcurrentHashMap<>();

    public TransferMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void accepted(String agreementId) {
        transfers("accepted", agreementId, "none").increment();
    }

    public void refused(String code, String agreementId) {
        transfers("refused", agreementId == null ? "none" : agreementId, code).increment();
    }

    public void delivery(String channel, String result) {
        counters.computeIfAbsent(List.of("accord.deliveries", channel, result), key -> Counter.builder("accord.deliveries")
                .description("Delivery attempts by channel and result").tag("channel", channel).tag("result", result)
                .register(registry)).increment();
    }

    private Counter transfers(String outcome, String agreement, String code) {
        return counters.computeIfAbsent(List.of("accord.transfers", outcome, agreement, code), key -> Counter.builder("accord.transfers")
                .description("Transfers by outcome, agreement and code").tag("outcome", outcome).tag("agreement", agreement)
                .tag("code", code).register(registry));
    }
}
