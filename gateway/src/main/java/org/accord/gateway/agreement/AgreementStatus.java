package org.accord.gateway.agreement;

/** Where an agreement stands. Only an active agreement, in date, lets records move. */
public enum AgreementStatus {
    DRAFT, ACTIVE, SUSPENDED, TERMINATED;

    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    static AgreementStatus fromCode(String code) {
        return valueOf(code.toUpperCase(java.util.Locale.ROOT));
    }
}
