package org.accord.gateway.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/** Counts transfers accepted per agreement and refusals per code. */
@Component
public final class TransferMetrics {

    private final MeterRegistry registry;

    public TransferMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void accepted(String agreementId) {
        Counter.builder("accord.transfers").description("Transfers by outcome, agreement and code")
                .tag("outcome", "accepted").tag("agreement", agreementId).tag("code", "none")
                .register(registry).increment();
    }

    public void refused(String code, String agreementId) {
        Counter.builder("accord.transfers").description("Transfers by outcome, agreement and code")
                .tag("outcome", "refused").tag("agreement", agreementId == null ? "none" : agreementId).tag("code", code)
                .register(registry).increment();
    }

    public void delivery(String channel, String result) {
        Counter.builder("accord.deliveries").description("Delivery attempts by channel and result")
                .tag("channel", channel).tag("result", result).register(registry).increment();
    }
}
