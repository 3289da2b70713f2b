package org.accord.gateway.redaction.scrub;

/**
 * A free-text field is longer than the scrubber accepts. The outbound flow should refuse the transfer rather than
 * send the field unscrubbed or cut it silently. The message holds lengths only, never the text.
 */
public final class TextTooLongException extends RuntimeException {

    /** Stable code for refusals and audit entries. */
    public static final String CODE = "FREE_TEXT_TOO_LONG";

    private final int length;
    private final int maximum;

    public TextTooLongException(int length, int maximum) {
        super(CODE + ": free text of " + length + " characters exceeds the scrubber's maximum of " + maximum);
        this.length = length;
        this.maximum = maximum;
    }

    public int length() {
        return length;
    }

    public int maximum() {
        return maximum;
    }
}
