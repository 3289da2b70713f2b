package org.accord.gateway.delivery;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * Consumes the durable delivery queue. The JMS session is transacted: a delivery that throws is rolled
 * back and redelivered by the broker after its backoff ({@link BrokerRedelivery}), so a crash between
 * receive and commit loses nothing, and a partner that is down is tried again later.
 */
@Component
public final class DeliveryRoutes extends RouteBuilder {

    public static final String HANDOVER = "direct:delivery.handover";

    private final DeliveryDispatcher dispatcher;

    DeliveryRoutes(DeliveryDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @Override
    public void configure() {
        // A retry is expected and already in the transfer log: roll the JMS session back for the broker's
        // redelivery without logging a stack trace each time.
        onException(DeliveryRetry.class).handled(false).logStackTrace(false).logExhausted(false).logHandled(false)
                .logRetryAttempted(false);

        from(HANDOVER).routeId("delivery.handover")
                .to("jms:queue:{{accord.delivery.queue}}?exchangePattern=InOnly").id("enqueue");

        from("jms:queue:{{accord.delivery.queue}}?transacted=true&concurrentConsumers={{accord.delivery.consumers}}"
                + "&errorHandlerLoggingLevel=DEBUG&errorHandlerLogStackTrace=false")
                .routeId("delivery.dispatch")
                .bean(dispatcher, "dispatch").id("deliver");
    }
}
