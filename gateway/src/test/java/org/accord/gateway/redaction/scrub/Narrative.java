package org.accord.gateway.redaction.scrub;

import java.util.ArrayList;
import java.util.List;

/**
 * One labelled narrative of the scrubber corpus: the text, the names the record would give, the institution's
 * student number pattern, and every identifier span with its type.
 */
record Narrative(String id, List<String> knownNames, String studentNumberPattern, String text, List<Finding> labels) {

    /** Builds a narrative piece by piece, recording where each labelled value lands. */
    static final class Builder {
        private final StringBuilder text = new StringBuilder();
        private final List<Finding> labels = new ArrayList<>();

        Builder text(String plain) {
            text.append(plain);
            return this;
        }

        Builder id(IdentifierType type, String value) {
            int start = text.length();
            text.append(value);
            labels.add(new Finding(type, start, text.length()));
            return this;
        }

        Builder name(String value) {
            return id(IdentifierType.NAME, value);
        }

        Narrative build(String id, List<String> knownNames, String pattern) {
            return new Narrative(id, knownNames, pattern, text.toString(), labels);
        }
    }
}
