package org.accord.gateway.agreement;

import java.time.Clock;
import java.time.LocalDate;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.stereotype.Component;

/**
 * The gauge {@code accord.agreements.warnings}: how many active agreements of the catalogue in force carry each
 * warning today ({@code REVIEW_OVERDUE}, {@code EXPIRED}, {@code EXPIRES_WITHIN_60_DAYS}, {@code NOT_YET_EFFECTIVE}),
 * the warnings the API and the console list. Drafts, suspended and terminated agreements move no records and are
 * not counted. Read at every scrape from the catalogue in force, so a reload shows at once.
 */
@Component
class AgreementWarningGauges implements MeterBinder {

    static final String NAME = "accord.agreements.warnings";

    private final AgreementSource source;
    private final Clock clock;

    AgreementWarningGauges(AgreementSource source, Clock clock) {
        this.source = source;
        this.clock = clock;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (String warning : AgreementWarnings.ALL) {
            Gauge.builder(NAME, this, gauges -> gauges.count(warning))
                    .description("Active agreements carrying each warning (review overdue, expired, expiring, not yet effective)")
                    .tag("warning", warning)
                    .register(registry);
        }
    }

    /** Active agreements of the catalogue in force that carry {@code warning} today. */
    long count(String warning) {
        LocalDate today = LocalDate.now(clock.withZone(AgreementWarnings.UK));
        return source.current().agreements().values().stream()
                .filter(agreement -> agreement.status() == AgreementStatus.ACTIVE)
                .filter(agreement -> AgreementWarnings.of(agreement, today).contains(warning))
                .count();
    }
}
