package org.accord.gateway.delivery;

import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.springframework.boot.artemis.autoconfigure.ArtemisConfigurationCustomizer;
import org.springframework.stereotype.Component;

/**
 * Retry timing for the embedded broker's delivery queue: a delivery that fails is rolled back and offered
 * again after an exponentially growing delay with jitter, as often as it takes: the consumer counts a transfer's
 * attempts and marks it failed after the last. An external broker needs the same address settings (deploy/).
 */
@Component
final class BrokerRedelivery implements ArtemisConfigurationCustomizer {

    /** Attempts are counted on the transfer ({@link PushDelivery}); the broker never drops a delivery message. */
    private static final int UNLIMITED = -1;

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
                .setMaxDeliveryAttempts(UNLIMITED)
                // No messages buffered in a consumer ahead of its next receive: an urgent transfer (priority 9) queued
                // behind routine ones is the next a free consumer takes, not the next after its buffer drains.
                .setDefaultConsumerWindowSize(0);
        configuration.addAddressSetting(properties.queue(), settings);
    }
}
