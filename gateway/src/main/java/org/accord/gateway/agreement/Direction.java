package org.accord.gateway.agreement;

import java.util.Locale;

/**
 * A flow's direction, seen from the institution whose gateway holds the catalogue: {@code OUTBOUND} leaves it,
 * {@code INBOUND} arrives at it, {@code INTERNAL} moves between its own units. An internal flow's two ends are
 * units of one organisation; the other directions join two organisations.
 */
public enum Direction {
    OUTBOUND, INBOUND, INTERNAL;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Direction fromCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
