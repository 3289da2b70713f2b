package org.accord.gateway.agreement;

import java.time.LocalDate;

/** The data protection impact assessment behind an agreement. */
public record Dpia(String reference, LocalDate date) {
}
