package org.accord.gateway.console;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.accord.gateway.audit.LogEvent;
import org.accord.gateway.audit.LogFilter;
import org.springframework.web.util.UriComponentsBuilder;

/** The transfers filter as the browser sends it; {@link #errors()} lists what could not be read, by field. */
record TransferFilterForm(String from, String to, String partner, String agreement, String recordType, String direction,
        String outcome, String event, String code) {

    static final Set<String> DIRECTIONS = Set.of("outbound", "inbound", "internal");
    static final Set<String> OUTCOMES = Set.of("accepted", "refused", "failed");

    Map<String, String> errors() {
        Map<String, String> errors = new LinkedHashMap<>();
        if (date(from) == null && notBlank(from)) {
            errors.put("from", "Enter the from date as year-month-day, for example 2026-11-01");
        }
        if (date(to) == null && notBlank(to)) {
            errors.put("to", "Enter the to date as year-month-day, for example 2026-11-30");
        }
        if (notBlank(direction) && !DIRECTIONS.contains(direction)) {
            errors.put("direction", "Choose a direction from the list");
        }
        if (notBlank(outcome) && !OUTCOMES.contains(outcome)) {
            errors.put("outcome", "Choose an outcome from the list");
        }
        if (notBlank(event) && eventOrNull() == null) {
            errors.put("event", "Choose a step from the list");
        }
        return errors;
    }

    /** The filter, with anything unreadable left out (the page shows the error beside it). */
    LogFilter filter() {
        return new LogFilter(date(from), date(to), partner, agreement, recordType,
                notBlank(direction) && DIRECTIONS.contains(direction) ? direction : null,
                notBlank(outcome) && OUTCOMES.contains(outcome) ? outcome : null, eventOrNull(), code);
    }

    /** The query string that reproduces this filter, for paging and export links. */
    String query() {
        UriComponentsBuilder b = UriComponentsBuilder.newInstance();
        add(b, "from", from);
        add(b, "to", to);
        add(b, "partner", partner);
        add(b, "agreement", agreement);
        add(b, "recordType", recordType);
        add(b, "direction", direction);
        add(b, "outcome", outcome);
        add(b, "event", event);
        add(b, "code", code);
        String q = b.encode().build().getQuery();
        return q == null ? "" : q;
    }

    LogEvent eventOrNull() {
        if (!notBlank(event)) {
            return null;
        }
        try {
            return LogEvent.valueOf(event);
        }
        catch (IllegalArgumentException e) {
            return null;
        }
    }

    static List<String> events() {
        List<String> events = new ArrayList<>();
        for (LogEvent e : LogEvent.values()) {
            if (e != LogEvent.AUDIT_READ) {
                events.add(e.name());
            }
        }
        return events;
    }

    private static void add(UriComponentsBuilder b, String name, String value) {
        if (notBlank(value)) {
            b.queryParam(name, value.strip());
        }
    }

    private static LocalDate date(String value) {
        if (!notBlank(value)) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        }
        catch (DateTimeParseException e) {
            return null;
        }
    }

    private static boolean notBlank(String value) {
        return value != null && !value.isBlank();
    }
}
