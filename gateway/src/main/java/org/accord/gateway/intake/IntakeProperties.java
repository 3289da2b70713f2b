package org.accord.gateway.intake;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** @param maxBodyBytes the largest submit request body accepted; larger ones get 413 */
@Validated
@ConfigurationProperties("accord.intake")
public record IntakeProperties(@Min(1024) @Max(16 * 1024 * 1024) int maxBodyBytes) {
}
