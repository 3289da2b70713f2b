package org.accord.gateway.redaction;

/**
 * A placeholder a scrub put into the minimised record: which string it is in, what it replaced and where it stands.
 * Holds no value, only a location and a type.
 *
 * @param field the string's place in the minimised record, as a JSON Pointer ("/concern/summary", "/notes/0/text")
 * @param type  what was replaced, as the placeholder's label ({@code NAME}, {@code PHONE}, ...)
 * @param start index of the placeholder's first character in that string, inclusive
 * @param end   index after the placeholder's last character, exclusive
 */
public record ReplacedSpan(String field, String type, int start, int end) {
}
