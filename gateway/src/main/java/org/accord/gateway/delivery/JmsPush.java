package org.accord.gateway.delivery;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.jms.BytesMessage;
import jakarta.jms.DeliveryMode;
import org.accord.gateway.agreement.Organisation;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jms.JmsException;
import org.springframework.jms.connection.CachingConnectionFactory;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.stereotype.Component;

/**
 * Pushes a sealed message to a queue on a partner's (or regional hub's) Artemis broker with the gateway's own
 * credentials there: a persistent bytes message carrying the transfer id. A partner without configured broker
 * settings is not pushed to: default deny.
 */
@Component
class JmsPush implements DisposableBean {

    static final String TRANSFER_ID_PROPERTY = "AccordTransferId";

    private final DeliveryProperties properties;
    private final Map<String, CachingConnectionFactory> factories = new ConcurrentHashMap<>();

    JmsPush(DeliveryProperties properties) {
        this.properties = properties;
    }

    /**
     * @param recipient the recipient organisation, or one of its units (settings are per organisation)
     * @param urgent an urgent transfer: sent at JMS priority 9 (routine: 4), so the partner's consumers take it first
     */
    PushResult push(String recipient, String transferId, String queue, byte[] sealed, boolean urgent) {
        String partner = Organisation.organisationOf(recipient);
        DeliveryProperties.JmsEndpoint settings = properties.jms().get(partner);
        if (settings == null || settings.brokerUrl() == null || queue == null || queue.isBlank()) {
            return new PushResult(PushResult.Kind.PERMANENT, "ENDPOINT_NOT_CONFIGURED");
        }
        JmsTemplate template = new JmsTemplate(factories.computeIfAbsent(partner, r -> factory(settings)));
        template.setExplicitQosEnabled(true);
        template.setDeliveryMode(DeliveryMode.PERSISTENT);
        template.setPriority(DeliveryRoutes.priority(urgent));
        template.setReceiveTimeout(properties.httpTimeout().toMillis());
        try {
            template.send(queue, session -> {
                BytesMessage message = session.createBytesMessage();
                message.writeBytes(sealed);
                message.setStringProperty(TRANSFER_ID_PROPERTY, transferId);
                return message;
            });
            return new PushResult(PushResult.Kind.DELIVERED, "JMS_SENT");
        }
        catch (JmsException e) {
            boolean security = e.getCause() instanceof jakarta.jms.JMSSecurityException
                    || e instanceof org.springframework.jms.JmsSecurityException;
            return new PushResult(PushResult.Kind.RETRYABLE, security ? "JMS_NOT_AUTHORISED" : "JMS_FAILURE");
        }
    }

    private static CachingConnectionFactory factory(DeliveryProperties.JmsEndpoint settings) {
        ActiveMQConnectionFactory target = new ActiveMQConnectionFactory(settings.brokerUrl(), settings.user(), settings.password());
        target.setCallTimeout(10_000);
        target.setReconnectAttempts(0);
        return new CachingConnectionFactory(target);
    }

    @Override
    public void destroy() {
        factories.values().forEach(CachingConnectionFactory::destroy);
    }
}
