package org.accord.identity;

import java.util.Set;

/**
 * The scopes an Accord gateway understands (the gateway's {@code Scopes} and docs/api.md). A client registered
 * with any other scope is refused at start, so a misspelt scope fails here rather than as a refused call later.
 */
final class AccordScopes {

    static final Set<String> ALL = Set.of(
            "submit:prevent-referral",
            "submit:referral-outcome",
            "submit:safeguarding-concern",
            "submit:channel-information-request",
            "submit:channel-information-response",
            "transfers:read",
            "mailbox",
            "inbox",
            "inbound",
            "agreements:read",
            "audit:read",
            "delivery:resend",
            "metrics:read",
            "emergency:disclose");

    private AccordScopes() {
    }

    static boolean isKnown(String scope) {
        return ALL.contains(scope);
    }
}
