package org.accord.gateway.record;

/**
 * One way a record breaks its schema.
 *
 * @param pointer JSON Pointer to the offending value ({@code ""} for the whole record), for example
 *                {@code /subject/dateOfBirth}; for an unexpected property it points at that property
 * @param message what is wrong, naming no value from the record
 */
public record SchemaViolation(String pointer, String message) {
}
