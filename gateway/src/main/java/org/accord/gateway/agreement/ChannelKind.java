package org.accord.gateway.agreement;

/** How a flow's records reach the recipient. */
public enum ChannelKind {
    /** The recipient's HTTPS endpoint (mutual TLS). */
    HTTPS,
    /** A JMS queue. */
    JMS,
    /** A mailbox inside the gateway, read through the pull API. */
    MAILBOX;

    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    static ChannelKind fromCode(String code) {
        return valueOf(code.toUpperCase(java.util.Locale.ROOT));
    }
}
