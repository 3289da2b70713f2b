package org.accord.gateway.inbound;

import org.accord.gateway.audit.Ids;
import org.accord.gateway.audit.LogEntry;
import org.accord.gateway.audit.TransferFacts;
import org.accord.gateway.audit.TransferLog;
import org.apache.camel.Body;
import org.apache.camel.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Takes a sealed message from the inbound queue through {@link InboundService}. The queue carries no token: the
 * signature alone says who sent it, and it must be a partner the directory knows. A refusal is an outcome (logged,
 * answered, the message consumed); a failure to process is thrown, so the transacted session rolls back and the
 * broker offers it again, and on the last attempt it is logged before the broker moves it to the dead-letter queue.
 */
@Component
class InboundQueue {

    static final String UNPROCESSABLE = "UNPROCESSABLE";

    private static final Logger log = LoggerFactory.getLogger(InboundQueue.class);

    private final InboundService inbound;
    private final InboundProperties properties;
    private final TransferLog transferLog;

    InboundQueue(InboundService inbound, InboundProperties properties, TransferLog transferLog) {
        this.inbound = inbound;
        this.properties = properties;
        this.transferLog = transferLog;
    }

    /**
     * @param body          the message body: the sealed message as a JMS bytes message
     * @param deliveryCount the broker's attempt number, from 1
     * @param messageId     the JMS message id, logged when the message is dead-lettered
     */
    public InboundReply receive(@Body Object body, @Header("JMSXDeliveryCount") Integer deliveryCount,
            @Header("JMSMessageID") String messageId) {
        InboundSource source = new InboundSource(InboundSource.Channel.JMS, "jms:" + properties.queue(), null);
        try {
            if (!(body instanceof byte[] der)) {
                throw new UnreadableMessageException(body == null ? "no body" : body.getClass().getSimpleName());
            }
            return InboundReply.of(inbound.receive(der, source));
        } catch (RuntimeException e) {
            int attempt = deliveryCount == null ? 1 : deliveryCount;
            if (attempt >= properties.maxAttempts()) {
                String refusalId = Ids.next();
                log.error("Inbound queue message could not be processed code={} refusal={} message={} attempt={} cause={}; moved to {}",
                        UNPROCESSABLE, refusalId, messageId, attempt, e.getClass().getName(), properties.deadLetterQueue());
                transferLog.appendAlone(LogEntry.refusal(refusalId, UNPROCESSABLE, source.actor(), TransferFacts.of(null, null, null, null, null),
                        "inbound via jms: message " + messageId + " could not be processed after " + attempt + " attempts; moved to "
                                + properties.deadLetterQueue()));
            } else {
                log.warn("Inbound queue message failed code={} attempt={} of {} cause={}; the broker offers it again",
                        UNPROCESSABLE, attempt, properties.maxAttempts(), e.getClass().getName());
            }
            throw e;
        }
    }

    /** The body of a queue message is not a bytes message, so it holds no sealed message to open. */
    static final class UnreadableMessageException extends RuntimeException {
        UnreadableMessageException(String kind) {
            super("inbound queue message is not a bytes message: " + kind, null, false, false);
        }
    }
}
