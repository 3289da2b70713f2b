package org.accord.gateway.partner;

import java.util.List;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The {@code partnerCertificates} health component. Always UP: an expiring or expired certificate needs an
 * administrator, not a restart or a load balancer taking the gateway out. Its details (shown to authorised
 * users only, per {@code management.endpoint.health.show-details}) list every warning.
 */
@Component
public class PartnerCertificatesHealthIndicator implements HealthIndicator {

    private final CertificateExpiryWatch watch;

    public PartnerCertificatesHealthIndicator(CertificateExpiryWatch watch) {
        this.watch = watch;
    }

    @Override
    public Health health() {
        List<CertificateExpiry> warnings = watch.warnings();
        return Health.up()
                .withDetail("warningPeriodDays", watch.warningPeriod().toDays())
                .withDetail("warnings", warnings)
                .build();
    }
}
