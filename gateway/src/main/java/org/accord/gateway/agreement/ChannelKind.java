package org.accord.gateway.agreement;

import java.util.Locale;

/** How a flow's records reach the recipient. */
public enum ChannelKind {
    /** The recipient's HTTPS endpoint (mutual TLS). */
    HTTPS,
    /** A JMS queue. */
    JMS,
    /** A mailbox inside the gateway, read through the pull API. */
    MAILBOX;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    static ChannelKind fromCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
