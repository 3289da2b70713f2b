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

    /** The header that sets a hand-over's priority on the delivery queue (JMS 0 to 9). */
    public static final String PRIORITY = "JMSPriority";

    /** An urgent transfer: the broker hands it to a consumer before every routine one waiting. */
    public static final int URGENT_PRIORITY = 9;

    /** A routine transfer: JMS's default priority. */
    public static final int ROUTINE_PRIORITY = 4;

    /** The queue priority of a transfer. */
    public static int priority(boolean urgent) {
        return urgent ? URGENT_PRIORITY : ROUTINE_PRIORITY;
    }

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

        // A send the broker does not take goes back to its caller (a submit's hand-over, a relay sweep), which logs it
        // and leaves the transfer to the next sweep: no error handler here to log it as an unhandled failure first.
        from(HANDOVER).routeId("delivery.handover").errorHandler(noErrorHandler())
                .to("jms:queue:{{accord.delivery.queue}}?exchangePattern=InOnly&preserveMessageQos=true").id("enqueue");

        from("jms:queue:{{accord.delivery.queue}}?transacted=true&concurrentConsumers={{accord.delivery.consumers}}"
                + "&errorHandlerLoggingLevel=DEBUG&errorHandlerLogStackTrace=false")
                .routeId("delivery.dispatch")
                .bean(dispatcher, "dispatch").id("deliver");
    }
}
