package org.accord.gateway.delivery;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A circuit breaker per partner, so that one dead partner does not slow deliveries to the others. After
 * {@code accord.delivery.circuit.failure-threshold} consecutive pushes that failed in a way worth retrying
 * (connection refused, timeout, 5xx, TLS), the partner's circuit opens: pushes to it fail at once, without a
 * network call, for {@code open-for}; then one trial push goes through, and its outcome closes or reopens it.
 * Each partner's state is the gauge {@code accord.delivery.circuit.state} (one series per state, 1 for the
 * current one) and is listed by the {@code deliveryCircuits} health component.
 */
@Component
class PartnerCircuits {

    private static final Logger log = LoggerFactory.getLogger(PartnerCircuits.class);
    private static final CircuitBreaker.State[] REPORTED = {CircuitBreaker.State.CLOSED, CircuitBreaker.State.OPEN,
            CircuitBreaker.State.HALF_OPEN};

    private final CircuitBreakerRegistry registry;
    private final MeterRegistry meters;

    PartnerCircuits(DeliveryProperties properties, MeterRegistry meters) {
        this.meters = meters;
        DeliveryProperties.Circuit circuit = properties.circuit();
        CircuitBreakerConfig config = CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(circuit.failureThreshold())
                .minimumNumberOfCalls(circuit.failureThreshold())
                .failureRateThreshold(100)
                .waitDurationInOpenState(circuit.openFor())
                .permittedNumberOfCallsInHalfOpenState(1)
                .recordResult(result -> result instanceof PushResult push && push.kind() == PushResult.Kind.RETRYABLE)
                .build();
        this.registry = CircuitBreakerRegistry.of(config);
        registry.getEventPublisher().onEntryAdded(added -> watch(added.getAddedEntry()));
    }

    /**
     * Runs one push to the partner through its circuit: the push's own result, or {@link PushResult#CIRCUIT_OPEN}
     * without calling it while the circuit is open (or its one trial push is still under way).
     */
    PushResult call(String partner, Supplier<PushResult> push) {
        try {
            return registry.circuitBreaker(partner).executeSupplier(push);
        }
        catch (CallNotPermittedException e) {
            return PushResult.CIRCUIT_OPEN;
        }
    }

    /** Each partner pushed to so far, and its circuit's state ({@code CLOSED}, {@code OPEN}, {@code HALF_OPEN}). */
    Map<String, String> states() {
        Map<String, String> states = new TreeMap<>();
        registry.getAllCircuitBreakers().forEach(breaker -> states.put(breaker.getName(), breaker.getState().name()));
        return states;
    }

    private void watch(CircuitBreaker breaker) {
        breaker.getEventPublisher().onStateTransition(event ->
                log.warn("Delivery circuit of partner={} went {}", breaker.getName(), event.getStateTransition()));
        for (CircuitBreaker.State state : REPORTED) {
            Gauge.builder("accord.delivery.circuit.state", breaker, b -> b.getState() == state ? 1 : 0)
                    .description("Delivery circuit breaker state per partner (1 for the current state)")
                    .tag("partner", breaker.getName()).tag("state", state.name().toLowerCase(Locale.ROOT))
                    .register(meters);
        }
    }
}
