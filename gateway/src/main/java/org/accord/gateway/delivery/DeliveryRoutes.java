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
        from(HANDOVER).routeId("delivery.handover")
                .to("jms:queue:{{accord.delivery.queue}}?exchangePattern=InOnly").id("enqueue");

        from("jms:queue:{{accord.delivery.queue}}?transacted=true&concurrentConsumers={{accord.delivery.consumers}}")
                .routeId("delivery.dispatch")
                .bean(dispatcher, "dispatch").id("deliver");
    }
}
