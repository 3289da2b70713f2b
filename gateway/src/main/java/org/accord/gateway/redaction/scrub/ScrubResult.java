package org.accord.gateway.redaction.scrub;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Free text with identifiers replaced by placeholders, and where they were in the original.
 *
 * @param text     the scrubbed text
 * @param findings what was replaced, in order of position in the original text, never overlapping
 */
public record ScrubResult(String text, List<Finding> findings) {

    public ScrubResult {
        findings = List.copyOf(findings);
    }

    /** How many identifiers of each type were replaced, in {@link IdentifierType} order. */
    public Map<IdentifierType, Integer> counts() {
        Map<IdentifierType, Integer> counts = new EnumMap<>(IdentifierType.class);
        findings.forEach(f -> counts.merge(f.type(), 1, Integer::sum));
        return counts;
    }

    /** Counts only, for the transfer log, for example {@code PHONE=1,NAME=2}; empty when nothing was found. */
    public String summary() {
        return counts().entrySet().stream().map(e -> e.getKey().label() + "=" + e.getValue())
                .collect(Collectors.joining(","));
    }
}
