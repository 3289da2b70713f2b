package org.accord.gateway.partner;

import static org.assertj.core.api.Assertions.assertThat;

import org.accord.gateway.support.GatewayClient.Response;
import org.accord.gateway.support.GatewayIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.health.registry.HealthContributorRegistry;

/**
 * The certificate expiry check is a component of the actuator health endpoint; fresh demo certificates keep
 * it UP, and anonymous callers see the overall status only.
 */
class PartnerCertificatesHealthIntegrationTests extends GatewayIntegrationTest {

    @Autowired
    private HealthContributorRegistry health;

    @Test
    void whenTheGatewayRunsThenPartnerCertificatesIsAHealthComponentThatIsUpWithoutWarnings() {
        HealthIndicator component = (HealthIndicator) health.getContributor("partnerCertificates");

        assertThat(component).isNotNull();
        assertThat(component.health().getStatus()).isEqualTo(Status.UP);
        assertThat((java.util.List<?>) component.health().getDetails().get("warnings")).isEmpty();
        Response anonymous = client.get("/actuator/health", null);
        assertThat(anonymous.json().get("status").asString()).isEqualTo("UP");
        assertThat(anonymous.json().has("components")).as("details are for authorised users only").isFalse();
    }
}
