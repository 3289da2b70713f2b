package org.accord.gateway.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.Test;
import org.springframework.jms.connection.CachingConnectionFactory;

class BrokerCallTimeoutsTests {

    private final BrokerCallTimeouts timeouts = new BrokerCallTimeouts(Duration.ofSeconds(5));

    @Test
    void whenTheBrokerUrlLeavesTheClientsDefaultsThenBothWaitsAreBoundedBehindTheCachingFactory() {
        ActiveMQConnectionFactory artemis = new ActiveMQConnectionFactory("tcp://127.0.0.1:61616?reconnectAttempts=-1");
        CachingConnectionFactory caching = new CachingConnectionFactory(artemis);

        assertThat(timeouts.postProcessAfterInitialization(caching, "jmsConnectionFactory")).isSameAs(caching);

        assertThat(artemis.getCallTimeout()).isEqualTo(5000);
        assertThat(artemis.getCallFailoverTimeout()).isEqualTo(5000);
    }

    @Test
    void whenTheBrokerUrlSetsAWaitThenItKeepsItsOwn() {
        ActiveMQConnectionFactory artemis = new ActiveMQConnectionFactory("tcp://127.0.0.1:61616?callTimeout=12000");

        timeouts.postProcessAfterInitialization(artemis, "connectionFactory");

        assertThat(artemis.getCallTimeout()).isEqualTo(12000);
        assertThat(artemis.getCallFailoverTimeout()).isEqualTo(5000);
    }

    @Test
    void whenTheBoundIsNotPositiveThenTheGatewayDoesNotStart() {
        assertThatThrownBy(() -> new BrokerCallTimeouts(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("accord.delivery.broker-call-timeout");
    }
}
