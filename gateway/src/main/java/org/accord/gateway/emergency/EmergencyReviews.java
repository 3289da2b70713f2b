package org.accord.gateway.emergency;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.accord.gateway.audit.LogEntry;
import org.accord.gateway.audit.LogEvent;
import org.accord.gateway.audit.LogOutcome;
import org.accord.gateway.audit.TransferFacts;
import org.accord.gateway.audit.TransferLog;
import org.accord.gateway.outbound.EmergencyDisclosure;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The DPO's reviews of emergency disclosures: one is opened in the transaction that stores each disclosure, due
 * {@code accord.emergency.review-within} later. Reviews overdue show as the health detail {@code overdue} of
 * {@code emergencyReviews} (UP: an overdue review is the DPO's work, not a reason to take the gateway out of service)
 * and as the gauge {@code accord.emergency.reviews.overdue}.
 */
@Component("emergencyReviews")
public class EmergencyReviews implements HealthIndicator {

    /** The gauge of reviews past their due time and still pending. */
    public static final String OVERDUE_GAUGE = "accord.emergency.reviews.overdue";

    private final EmergencyReviewRepository reviews;
    private final EmergencyProperties properties;
    private final TransferLog transferLog;
    private final Clock clock;

    EmergencyReviews(EmergencyReviewRepository reviews, EmergencyProperties properties, TransferLog transferLog, Clock clock,
            MeterRegistry meters) {
        this.reviews = reviews;
        this.properties = properties;
        this.transferLog = transferLog;
        this.clock = clock;
        Gauge.builder(OVERDUE_GAUGE, this, EmergencyReviews::overdue)
                .description("Emergency disclosures whose DPO review is overdue").register(meters);
    }

    /** Opens the review of a disclosure, in the transaction that stores it. */
    @EventListener
    void disclosed(EmergencyDisclosure.Disclosed d) {
        reviews.save(new EmergencyReview(d.transferId(), d.sender(), d.recipient(), d.recordType(), d.schemaVersion(),
                d.purpose(), d.basis(), d.authorisedBy(), d.scrubbedRisk(), d.fieldsShared(), d.createdAt(),
                d.createdAt().plus(properties.reviewWithin())));
    }

    @Transactional(readOnly = true)
    public List<EmergencyReview> all() {
        return reviews.findAllNewestFirst();
    }

    @Transactional(readOnly = true)
    public Optional<EmergencyReview> find(String transferId) {
        return reviews.findById(transferId);
    }

    @Transactional(readOnly = true)
    public long overdue() {
        return reviews.countOverdue(clock.instant());
    }

    /**
     * Records the DPO's decision, with an {@code EMERGENCY_REVIEWED} entry in the transfer log.
     *
     * @return false if the review does not exist or was already completed
     */
    @Transactional
    public boolean review(String transferId, ReviewStatus decision, String note, Boolean reportableBreach, String reviewer) {
        if (decision == ReviewStatus.PENDING) {
            throw new IllegalArgumentException("A review records JUSTIFIED or NOT_JUSTIFIED");
        }
        Optional<EmergencyReview> found = reviews.findById(transferId);
        if (found.isEmpty() || found.get().status() != ReviewStatus.PENDING) {
            return false;
        }
        EmergencyReview review = found.get();
        review.decide(decision, note, decision == ReviewStatus.NOT_JUSTIFIED ? reportableBreach : Boolean.FALSE, reviewer,
                clock.instant());
        reviews.save(review);
        TransferFacts facts = TransferFacts.of(review.sender(), review.recipient(), review.recordType(), review.schemaVersion(),
                review.purpose());
        String detail = decision == ReviewStatus.NOT_JUSTIFIED
                ? (Boolean.TRUE.equals(reportableBreach) ? "reportable breach" : "not a reportable breach") : null;
        transferLog.append(new LogEntry(transferId, LogEvent.EMERGENCY_REVIEWED, LogOutcome.OK, decision.name(), reviewer,
                facts, null, detail));
        return true;
    }

    @Override
    public Health health() {
        return Health.up().withDetail("overdue", overdue()).build();
    }
}
