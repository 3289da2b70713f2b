package org.accord.gateway.agreement;

import java.time.LocalDate;

/** A senior person who signed the agreement for a party. */
public record Signatory(String organisation, String name, String position, LocalDate date) {
}
