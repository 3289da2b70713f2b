package org.accord.gateway.delivery;

import java.time.Duration;

import org.apache.activemq.artemis.api.core.client.ActiveMQClient;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jms.connection.SingleConnectionFactory;
import org.springframework.stereotype.Component;

/**
 * Bounds how long a blocking call on the gateway's own broker waits ({@code accord.delivery.broker-call-timeout}):
 * for its answer (a hand-over's durable send, the relay's, a consumer's commit), and for a failover to finish
 * during one. The client's own defaults are 30 s each, which kept a hand-over sender, the relay or a consumer
 * waiting a minute on a broker pair that was down. (A submit does not wait on these at all beyond
 * {@code accord.delivery.handover-wait}.) A broker URL that sets {@code callTimeout} or {@code callFailoverTimeout}
 * keeps its own value.
 */
@Component
final class BrokerCallTimeouts implements BeanPostProcessor {

    private final long millis;

    BrokerCallTimeouts(@Value("${accord.delivery.broker-call-timeout:PT5S}") Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("accord.delivery.broker-call-timeout must be positive");
        }
        this.millis = timeout.toMillis();
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        Object factory = bean instanceof SingleConnectionFactory single ? single.getTargetConnectionFactory() : bean;
        if (factory instanceof ActiveMQConnectionFactory artemis) {
            bound(artemis);
        }
        return bean;
    }

    /** Sets both waits where the broker URL left the client's defaults. */
    void bound(ActiveMQConnectionFactory artemis) {
        if (artemis.getCallTimeout() == ActiveMQClient.DEFAULT_CALL_TIMEOUT) {
            artemis.setCallTimeout(millis);
        }
        if (artemis.getCallFailoverTimeout() == ActiveMQClient.DEFAULT_CALL_FAILOVER_TIMEOUT) {
            artemis.setCallFailoverTimeout(millis);
        }
    }
}
