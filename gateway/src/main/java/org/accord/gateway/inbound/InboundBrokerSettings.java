package org.accord.gateway.inbound;

import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.springframework.boot.artemis.autoconfigure.ArtemisConfigurationCustomizer;
import org.springframework.stereotype.Component;

/**
 * Redelivery for the embedded broker's inbound queue: a message whose processing failed is offered again after a
 * growing delay, and after {@code accord.inbound.max-attempts} moved to the dead-letter queue rather than dropped.
 * An external broker needs the same address settings (deploy/).
 */
@Component
final class InboundBrokerSettings implements ArtemisConfigurationCustomizer {

    private final InboundProperties properties;

    InboundBrokerSettings(InboundProperties properties) {
        this.properties = properties;
    }

    @Override
    public void customize(org.apache.activemq.artemis.core.config.Configuration configuration) {
        configuration.addAddressSetting(properties.queue(), new AddressSettings()
                .setRedeliveryDelay(properties.retryDelay().toMillis())
                .setRedeliveryMultiplier(2.0)
                .setMaxRedeliveryDelay(properties.maxRetryDelay().toMillis())
                .setMaxDeliveryAttempts(properties.maxAttempts())
                .setDeadLetterAddress(SimpleString.of(properties.deadLetterQueue())));
    }
}
