package org.accord.gateway.delivery;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The {@code deliveryCircuits} health component. Always UP: a partner that is down needs its transfers held
 * and retried, not this gateway taken out of service. Its details (for authorised users only) list each
 * partner's circuit state.
 */
@Component
class DeliveryCircuitsHealthIndicator implements HealthIndicator {

    private final PartnerCircuits circuits;

    DeliveryCircuitsHealthIndicator(PartnerCircuits circuits) {
        this.circuits = circuits;
    }

    @Override
    public Health health() {
        return Health.up().withDetail("partners", circuits.states()).build();
    }
}
