package org.accord.gateway.metrics;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.spi.CamelEvent.ExchangeSentEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.springframework.stereotype.Component;

/**
 * Records how long each stage of the flow takes: every send to a {@code direct:} stage endpoint of the
 * outbound, inbound or delivery flows becomes a sample of the {@code accord.stage} timer tagged with the stage.
 */
@Component
public final class StageTimings extends EventNotifierSupport {

    private final MeterRegistry registry;
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    public StageTimings(MeterRegistry registry) {
        this.registry = registry;
        setIgnoreCamelContextEvents(true);
        setIgnoreRouteEvents(true);
        setIgnoreServiceEvents(true);
        setIgnoreExchangeCreatedEvent(true);
        setIgnoreExchangeCompletedEvent(true);
        setIgnoreExchangeFailedEvents(true);
        setIgnoreExchangeRedeliveryEvents(true);
        setIgnoreStepEvents(true);
        // Sending events stay enabled: Camel reports a send as completed only to a notifier that took its start.
    }

    @Override
    public boolean isEnabled(CamelEvent event) {
        return event instanceof CamelEvent.ExchangeSendingEvent || event instanceof ExchangeSentEvent;
    }

    @Override
    public void notify(CamelEvent event) {
        if (!(event instanceof ExchangeSentEvent sent)) {
            return;
        }
        String uri = sent.getEndpoint().getEndpointUri();
        if (!uri.startsWith("direct://")) {
            return;
        }
        timers.computeIfAbsent(uri, key -> Timer.builder("accord.stage").description("Time spent in each stage of the flow")
                .tag("stage", key.substring("direct://".length())).publishPercentileHistogram().register(registry))
                .record(sent.getTimeTaken(), TimeUnit.MILLISECONDS);
    }
}
