package org.accord.gateway.agreement;

/**
 * Where a flow delivers.
 *
 * @param kind    transport
 * @param address URL, queue name or mailbox name, as the kind requires
 */
public record Channel(ChannelKind kind, String address) {
}
