package org.accord.gateway.agreement;

import java.util.Locale;

/** Where an agreement stands. Only an active agreement, in date, lets records move. */
public enum AgreementStatus {
    DRAFT, ACTIVE, SUSPENDED, TERMINATED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    static AgreementStatus fromCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
