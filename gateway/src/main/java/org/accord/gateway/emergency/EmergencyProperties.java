package org.accord.gateway.emergency;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code accord.emergency.*}.
 *
 * @param reviewWithin how long the DPO has to review an emergency disclosure
 */
@ConfigurationProperties("accord.emergency")
public record EmergencyProperties(@DefaultValue("P3D") Duration reviewWithin) {
}
