package org.accord.gateway.outbound;

import org.apache.camel.Exchange;
import org.apache.camel.Predicate;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * The outbound flow of DESIGN.md, one route per stage: validate, decide, minimise, seal, store, hand over.
 * A stage that refuses returns a {@link Refusal}, which leaves the flow through
 * {@code outbound.refused}. Once stored the transfer is durable. A mailbox transfer is available from that
 * commit on; a pushed one is handed to the delivery queue ({@link Handover}), and a hand-over that fails or takes
 * too long still answers accepted: the delivery relay queues it later.
 */
@Component
final class OutboundRoutes extends RouteBuilder {

    static final String SUBMIT = "direct:outbound.submit";
    static final String EMERGENCY = "direct:outbound.emergency";
    /** The header carrying an emergency disclosure's {@link EmergencyDisclosure}. */
    static final String DISCLOSURE = "accordEmergencyDisclosure";
    private static final String VALIDATE = "direct:outbound.validate";
    private static final String DECIDE = "direct:outbound.decide";
    private static final String BACKLOG = "direct:outbound.backlog";
    private static final String MINIMISE = "direct:outbound.minimise";
    private static final String SEAL = "direct:outbound.seal";
    private static final String STORE = "direct:outbound.store";
    /** Records a transfer's hand-over to the delivery queue ({@link Handover}). */
    static final String QUEUED = "direct:outbound.queued";
    private static final String REFUSED = "direct:outbound.refused";
    private static final String HANDOVER = "direct:outbound.handover-or-available";

    private final OutboundStages stages;
    private final TransferStore store;
    private final RefusalRecorder refusals;
    private final Handover handover;

    OutboundRoutes(OutboundStages stages, TransferStore store, RefusalRecorder refusals, Handover handover) {
        this.stages = stages;
        this.store = store;
        this.refusals = refusals;
        this.handover = handover;
    }

    @Override
    public void configure() {
        Predicate refused = body().isInstanceOf(Refusal.class);

        from(SUBMIT).routeId("outbound.submit")
                .to(VALIDATE).id("validate")
                .filter(refused).to(REFUSED).stop().end()
                .to(DECIDE).id("decide")
                .filter(refused).to(REFUSED).stop().end()
                .to(BACKLOG).id("backlog")
                .filter(refused).to(REFUSED).stop().end()
                .to(MINIMISE).id("minimise")
                .filter(refused).to(REFUSED).stop().end()
                .to(SEAL).id("seal")
                .filter(refused).to(REFUSED).stop().end()
                .to(STORE).id("store")
                .to(HANDOVER);

        // An emergency disclosure: the schema check, then the recipient's emergency profile in place of an agreement
        // flow; urgent, so past the backlog bound.
        from(EMERGENCY).routeId("outbound.emergency")
                .to(VALIDATE).id("emergency-validate")
                .filter(refused).to(REFUSED).stop().end()
                .process(exchange -> exchange.getMessage().setBody(OutboundTransfer.emergency(
                        exchange.getMessage().getBody(Submission.class),
                        exchange.getMessage().getHeader(DISCLOSURE, EmergencyDisclosure.class)))).id("emergency-profile")
                .to(MINIMISE).id("emergency-minimise")
                .filter(refused).to(REFUSED).stop().end()
                .to(SEAL).id("emergency-seal")
                .filter(refused).to(REFUSED).stop().end()
                .to(STORE).id("emergency-store")
                .to(HANDOVER);

        from(HANDOVER).routeId("outbound.handover")
                .choice()
                    .when(exchange -> !stored(exchange).awaitsHandover())
                        .process(exchange -> exchange.getMessage().setBody(stored(exchange).accepted())).id("available")
                        .stop()
                .end()
                .process(exchange -> exchange.getMessage().setBody(
                        handover.handOver(stored(exchange).transferId(), stored(exchange).urgent()))).id("handover");

        from(VALIDATE).routeId("outbound.validate").bean(stages, "validate").id("schema-check");
        from(DECIDE).routeId("outbound.decide").bean(stages, "decide").id("agreement-check");
        from(BACKLOG).routeId("outbound.backlog").bean(stages, "checkBacklog").id("recipient-backlog");
        from(MINIMISE).routeId("outbound.minimise").bean(stages, "minimise").id("field-rules");
        from(SEAL).routeId("outbound.seal").bean(stages, "seal").id("sign-and-encrypt");
        from(STORE).routeId("outbound.store").bean(store, "store").id("commit-transfer");
        from(QUEUED).routeId("outbound.queued").bean(store, "markQueued").id("log-queued");
        from(REFUSED).routeId("outbound.refused").bean(refusals, "record").id("log-refusal");
    }

    private static TransferStore.Stored stored(Exchange exchange) {
        return exchange.getMessage().getBody(TransferStore.Stored.class);
    }
}
