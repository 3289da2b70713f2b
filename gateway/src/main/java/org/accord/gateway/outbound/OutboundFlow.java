package org.accord.gateway.outbound;

import java.util.function.Supplier;

import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.springframework.stereotype.Component;

/** Entry into the outbound flow for the intake API: runs a submission through the routes and returns the outcome. */
@Component
public final class OutboundFlow {

    private final ProducerTemplate producer;

    public OutboundFlow(ProducerTemplate producer) {
        this.producer = producer;
    }

    /**
     * @return {@link SubmissionOutcome.Accepted} once the transfer and its log entries are committed and handed
     *         to delivery, or {@link SubmissionOutcome.Refused} once the refusal is logged
     */
    public SubmissionOutcome submit(Submission submission) {
        return unwrapped(() -> producer.requestBody(OutboundRoutes.SUBMIT, submission, SubmissionOutcome.class));
    }

    /**
     * Runs an emergency disclosure through the outbound flow: schema check, the emergency profile's field rules,
     * sealed for the recipient, stored with its {@code EMERGENCY_DISCLOSURE} log entry, delivered urgently.
     */
    public SubmissionOutcome disclose(Submission submission, EmergencyDisclosure disclosure) {
        return unwrapped(() -> producer.requestBodyAndHeader(OutboundRoutes.EMERGENCY, submission, OutboundRoutes.DISCLOSURE,
                disclosure, SubmissionOutcome.class));
    }

    /** The routes' outcome; a stage's own exception rather than Camel's wrapper around it. */
    private static SubmissionOutcome unwrapped(Supplier<SubmissionOutcome> send) {
        try {
            return send.get();
        }
        catch (CamelExecutionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }
}
