package org.accord.gateway.delivery;

import java.time.Duration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param queue the durable JMS queue sealed transfers wait on for delivery
 * @param relayAfter how long a committed transfer may stay un-queued before the relay queues it again
 */
@Validated
@ConfigurationProperties("accord.delivery")
public record DeliveryProperties(@NotBlank String queue, @NotNull Duration relayAfter) {
}
