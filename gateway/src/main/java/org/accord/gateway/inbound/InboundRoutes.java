package org.accord.gateway.inbound;

import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.jms.JmsComponent;
import org.springframework.stereotype.Component;

/**
 * Consumes the inbound queue ({@code accord.inbound.queue}) on this gateway's broker, or on a partner's or
 * regional hub's broker with the gateway's own credentials there ({@code accord.inbound.jms.*}). The session is
 * transacted: the message, its outcome in the database and the reply to {@code JMSReplyTo} (if the sender asked
 * for one) go together, and a failure rolls back for the broker to redeliver, then dead-letter
 * ({@link InboundBrokerSettings}).
 */
@Component
final class InboundRoutes extends RouteBuilder {

    static final String STATUS = "AccordInboundStatus";
    static final String CODE = "AccordRefusalCode";
    static final String REFUSAL_ID = "AccordRefusalId";
    static final String PARTNER_TRANSFER_ID = "AccordTransferId";
    static final String GATEWAY_TRANSFER_ID = "AccordGatewayTransferId";
    private static final String PARTNER_BROKER = "inboundjms";

    private final InboundQueue queue;
    private final InboundProperties properties;

    InboundRoutes(InboundQueue queue, InboundProperties properties) {
        this.queue = queue;
        this.properties = properties;
    }

    @Override
    public void configure() {
        String component = "jms";
        InboundProperties.Jms broker = properties.jms();
        if (broker.brokerUrl() != null && !broker.brokerUrl().isBlank()) {
            getContext().addComponent(PARTNER_BROKER,
                    JmsComponent.jmsComponent(new ActiveMQConnectionFactory(broker.brokerUrl(), broker.user(), broker.password())));
            component = PARTNER_BROKER;
        }
        from(component + ":queue:{{accord.inbound.queue}}?transacted=true&concurrentConsumers=1")
                .routeId("inbound.queue")
                .bean(queue, "receive").id("open-check-submit")
                .process(InboundRoutes::reply).id("reply");
    }

    /** Puts the reply in the message Camel sends to {@code JMSReplyTo}; without one it goes nowhere. */
    private static void reply(Exchange exchange) {
        InboundReply reply = exchange.getMessage().getBody(InboundReply.class);
        Message message = exchange.getMessage();
        message.setHeader(STATUS, reply.status());
        if (reply.code() != null) {
            message.setHeader(CODE, reply.code());
            message.setHeader(REFUSAL_ID, reply.refusalId());
        }
        if (reply.partnerTransferId() != null) {
            message.setHeader(PARTNER_TRANSFER_ID, reply.partnerTransferId());
        }
        if (reply.transferId() != null) {
            message.setHeader(GATEWAY_TRANSFER_ID, reply.transferId());
        }
        message.setBody(reply.receipt());
    }
}
