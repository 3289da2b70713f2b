package org.accord.gateway.partner;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.stereotype.Component;

/**
 * The gauge {@code accord.certificate.days.left}: for each owner (a partner id, or {@code gateway}) and use
 * ({@code encryption}, {@code signature}, {@code gateway-signing}), the days until the soonest of its certificates
 * expires, negative once one has. The same certificates {@link CertificateExpiryWatch} warns about, measured for
 * every one of them, so an alert can choose its own threshold. Partner settings are read at start, so the series are
 * fixed then; each value is taken afresh at every scrape.
 */
@Component
class CertificateExpiryGauges implements MeterBinder {

    static final String NAME = "accord.certificate.days.left";

    private static final double SECONDS_PER_DAY = Duration.ofDays(1).toSeconds();

    private final CertificateExpiryWatch watch;
    private final Clock clock;

    CertificateExpiryGauges(CertificateExpiryWatch watch, Clock clock) {
        this.watch = watch;
        this.clock = clock;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Set<List<String>> series = new LinkedHashSet<>();
        watch.watched().forEach(watched -> series.add(List.of(watched.owner(), watched.use())));
        for (List<String> ownerAndUse : series) {
            Gauge.builder(NAME, this, gauges -> gauges.daysLeft(ownerAndUse.get(0), ownerAndUse.get(1)))
                    .description("Days until the soonest certificate of this owner and use expires; negative once expired")
                    .tag("owner", ownerAndUse.get(0)).tag("use", ownerAndUse.get(1))
                    .register(registry);
        }
    }

    /** Days (with fractions) from now to the earliest end of validity among the owner's certificates for this use. */
    double daysLeft(String owner, String use) {
        Instant now = clock.instant();
        return watch.watched().stream()
                .filter(watched -> watched.owner().equals(owner) && watched.use().equals(use))
                .map(CertificateExpiryWatch.Watched::notAfter)
                .min(Instant::compareTo)
                .map(notAfter -> Duration.between(now, notAfter).toSeconds() / SECONDS_PER_DAY)
                .orElse(Double.NaN);
    }
}
