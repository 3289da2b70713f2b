package org.accord.gateway.agreement;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The warnings an agreement carries for the governance lead on a given day, as the API, the console and the
 * {@code accord.agreements.warnings} gauge report them. Dates are read in UK time, where agreements are signed.
 */
final class AgreementWarnings {

    static final ZoneId UK = ZoneId.of("Europe/London");
    static final String REVIEW_OVERDUE = "REVIEW_OVERDUE";
    static final String EXPIRED = "EXPIRED";
    static final String EXPIRES_WITHIN_60_DAYS = "EXPIRES_WITHIN_60_DAYS";
    static final String NOT_YET_EFFECTIVE = "NOT_YET_EFFECTIVE";
    static final List<String> ALL = List.of(REVIEW_OVERDUE, EXPIRED, EXPIRES_WITHIN_60_DAYS, NOT_YET_EFFECTIVE);

    private static final int EXPIRY_WARNING_DAYS = 60;

    private AgreementWarnings() {
    }

    static List<String> of(Agreement a, LocalDate today) {
        List<String> warnings = new ArrayList<>();
        if (a.nextReview() != null && a.nextReview().isBefore(today)) {
            warnings.add(REVIEW_OVERDUE);
        }
        if (today.isAfter(a.expires())) {
            warnings.add(EXPIRED);
        }
        else if (!today.plusDays(EXPIRY_WARNING_DAYS).isBefore(a.expires())) {
            warnings.add(EXPIRES_WITHIN_60_DAYS);
        }
        if (today.isBefore(a.effective())) {
            warnings.add(NOT_YET_EFFECTIVE);
        }
        return List.copyOf(warnings);
    }
}
