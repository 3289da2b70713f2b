package org.accord.gateway.agreement;

/**
 * A purpose of sharing, with its case for necessity and proportionality. Transfers name a purpose by {@code id}.
 */
public record Purpose(String id, String description, String necessity, String proportionality) {
}
