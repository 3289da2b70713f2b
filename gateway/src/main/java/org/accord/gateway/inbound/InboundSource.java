package org.accord.gateway.inbound;

import java.util.Objects;

/**
 * Who handed a sealed message to this gateway, as far as the channel can tell before it is opened.
 *
 * @param channel      how it arrived
 * @param actor        for the transfer log: the OAuth2 client, {@code tls:<partner>} for a client certificate
 *                     alone, or {@code jms:<queue>}
 * @param organisation the partner organisation the caller proved to be (token and/or client certificate), which
 *                     must have signed the message; null for the queue, where the signature alone identifies it
 */
public record InboundSource(Channel channel, String actor, String organisation) {

    /** The way a message reached the inbound side. */
    public enum Channel {
        HTTPS, JMS
    }

    public InboundSource {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(actor, "actor");
        if (channel == Channel.HTTPS && organisation == null) {
            throw new IllegalArgumentException("an HTTPS caller is always an organisation");
        }
    }
}
