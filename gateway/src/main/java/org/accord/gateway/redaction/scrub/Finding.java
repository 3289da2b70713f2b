package org.accord.gateway.redaction.scrub;

/**
 * Where an identifier was found in the original text. Carries no value, so it may be logged and counted.
 *
 * @param type  what was found
 * @param start index of the first character, inclusive
 * @param end   index after the last character, exclusive
 */
public record Finding(IdentifierType type, int start, int end) implements Comparable<Finding> {

    public Finding {
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("A finding needs 0 <= start < end, not " + start + ".." + end);
        }
    }

    public int length() {
        return end - start;
    }

    boolean overlaps(Finding other) {
        return start < other.end && other.start < end;
    }

    @Override
    public int compareTo(Finding other) {
        return start != other.start ? Integer.compare(start, other.start) : Integer.compare(other.end, end);
    }
}
