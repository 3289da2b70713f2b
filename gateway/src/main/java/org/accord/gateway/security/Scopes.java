package org.accord.gateway.security;

/** OAuth2 scopes understood by the gateway. Submitting a record needs the scope for its record type. */
public final class Scopes {

    public static final String SUBMIT_PREFIX = "submit:";
    public static final String TRANSFERS_READ = "transfers:read";
    public static final String MAILBOX = "mailbox";
    public static final String INBOX = "inbox";
    public static final String AUDIT_READ = "audit:read";
    public static final String AGREEMENTS_READ = "agreements:read";
    public static final String DELIVERY_RESEND = "delivery:resend";
    public static final String INBOUND = "inbound";
    /** Reading metrics ({@code /actuator/prometheus}) and health details: for the monitoring system. */
    public static final String METRICS_READ = "metrics:read";
    /** Making an emergency disclosure outside any agreement flow: no client has it by default (docs/emergency.md). */
    public static final String EMERGENCY_DISCLOSE = "emergency:disclose";

    private Scopes() {
    }

    public static String submit(String recordType) {
        return SUBMIT_PREFIX + recordType;
    }

    /** The Spring Security authority a token with {@code scope} carries. */
    public static String authority(String scope) {
        return "SCOPE_" + scope;
    }
}
