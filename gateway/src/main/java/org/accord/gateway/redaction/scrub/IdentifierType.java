package org.accord.gateway.redaction.scrub;

/** A kind of personal identifier the scrubber finds in free text, with the placeholder that replaces it. */
public enum IdentifierType {
    NI_NUMBER("NI-NUMBER"),
    NHS_NUMBER("NHS-NUMBER"),
    POSTCODE("POSTCODE"),
    PHONE("PHONE"),
    EMAIL("EMAIL"),
    URL("URL"),
    HANDLE("HANDLE"),
    IP_ADDRESS("IP-ADDRESS"),
    DATE("DATE"),
    STUDENT_ID("STUDENT-ID"),
    PNC_ID("PNC-ID"),
    DRIVING_LICENCE("DRIVING-LICENCE"),
    PASSPORT("PASSPORT"),
    NAME("NAME");

    private final String label;
    private final String placeholder;

    IdentifierType(String label) {
        this.label = label;
        this.placeholder = "[" + label + "]";
    }

    /** The label used in placeholders, counts and the corpus, for example {@code NI-NUMBER}. */
    public String label() {
        return label;
    }

    /** The text that replaces a finding, for example {@code [NI-NUMBER]}. */
    public String placeholder() {
        return placeholder;
    }

    public static IdentifierType fromLabel(String label) {
        for (IdentifierType type : values()) {
            if (type.label.equals(label)) {
                return type;
            }
        }
        throw new IllegalArgumentException("Unknown identifier type " + label);
    }
}
