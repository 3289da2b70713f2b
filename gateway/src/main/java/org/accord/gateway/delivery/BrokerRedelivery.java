package org.accord.gateway.delivery;

import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.springframework.boot.artemis.autoconfigure.ArtemisConfigurationCustomizer;
import org.springframework.stereotype.Component;

/**
 * Retry timing for the embedded broker's delivery queue: a delivery that fails is rolled back and offered
 * again after an exponentially growing delay with jitter. The consumer marks the transfer failed on its last
 * attempt, before the broker would give up. An external broker needs the same address settings (deploy/).
 */
@Component
final class BrokerRedelivery implements ArtemisConfigurationCustomizer {

    private final DeliveryProperties properties;

    BrokerRedelivery(DeliveryProperties properties) {
        this.properties = properties;
    }

    @Override
    public void customize(org.apache.activemq.artemis.core.config.Configuration configuration) {
        AddressSettings settings = new AddressSettings()
                .setRedeliveryDelay(properties.retryDelay().toMillis())
                .setRedeliveryMultiplier(properties.backoffMultiplier())
                .setMaxRedeliveryDelay(properties.maxRetryDelay().toMillis())
                .setRedeliveryCollisionAvoidanceFactor(properties.jitter())
                .setMaxDeliveryAttempts(properties.maxAttempts() + 1);
        configuration.addAddressSetting(properties.queue(), settings);
    }
}
