package org.accord.gateway.audit;

import java.time.LocalDate;

/**
 * What the DPO narrows the transfer log to; every member may be null (no restriction). Matches transfers and
 * refusals by their opening entry.
 *
 * @param from      first day (UK time) the transfer or refusal was received on
 * @param to        last day, inclusive
 * @param partner   organisation (or organisation/unit) that sent or received it
 * @param direction {@code outbound}, {@code inbound} or {@code internal}, seen from this gateway's institution
 * @param outcome   {@code accepted}, {@code refused} or {@code failed} (a delivery failed at some point)
 * @param event     a step the transfer reached, for example {@code ACKNOWLEDGED}
 * @param code      a refusal or failure code
 */
public record LogFilter(LocalDate from, LocalDate to, String partner, String agreementId, String recordType,
        String direction, String outcome, LogEvent event, String code) {

    public static LogFilter none() {
        return new LogFilter(null, null, null, null, null, null, null, null, null);
    }

    public LogFilter {
        partner = blankToNull(partner);
        agreementId = blankToNull(agreementId);
        recordType = blankToNull(recordType);
        direction = blankToNull(direction);
        outcome = blankToNull(outcome);
        code = blankToNull(code);
    }

    public LogFilter refusedOnly() {
        return new LogFilter(from, to, partner, agreementId, recordType, direction, "refused", event, code);
    }

    /** A short description for the log of who read what; it holds no personal data, as no filter can. */
    public String describe() {
        StringBuilder b = new StringBuilder();
        append(b, "from", from);
        append(b, "to", to);
        append(b, "partner", partner);
        append(b, "agreement", agreementId);
        append(b, "recordType", recordType);
        append(b, "direction", direction);
        append(b, "outcome", outcome);
        append(b, "event", event);
        append(b, "code", code);
        return b.isEmpty() ? "all" : b.toString().strip();
    }

    private static void append(StringBuilder b, String name, Object value) {
        if (value != null) {
            b.append(' ').append(name).append('=').append(value);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
