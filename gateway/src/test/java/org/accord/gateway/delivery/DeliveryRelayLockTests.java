package org.accord.gateway.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.atLeast;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.accord.gateway.support.TwoGateways;
import org.accord.gateway.transfer.TransferRepository;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

/**
 * The delivery relay on two gateways sharing a database: one sweeps at a time, and after a sweep neither sweeps
 * again within just under {@code accord.delivery.relay-every}, so a transfer is re-queued once per interval, not
 * once per gateway. And on one gateway: a sweep whose send the broker holds does not hold the sweep's caller.
 */
class DeliveryRelayLockTests {

    private static final Map<String, Object> HOURLY = Map.of("accord.delivery.relay-every", "PT1H");

    private final TransferRepository[] transfers = { mock(TransferRepository.class), mock(TransferRepository.class) };
    private final ProducerTemplate[] producers = { mock(ProducerTemplate.class), mock(ProducerTemplate.class) };

    @Test
    void whenAGatewayIsSweepingThenTheOtherGatewaysSweepIsSkipped() throws Exception {
        CountDownLatch sweeping = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        when(transfers[0].findIdsStuckIn(any(), any(), any())).thenAnswer(call -> {
            sweeping.countDown();
            assertThat(finish.await(60, TimeUnit.SECONDS)).isTrue();
            return List.of("transfer-1");
        });
        try (TwoGateways gateways = TwoGateways.start(HOURLY, this::relay)) {
            CompletableFuture<Void> sweep = CompletableFuture.runAsync(() -> gateways.gateway(1).getBean(DeliveryRelay.class).relay());
            assertThat(sweeping.await(60, TimeUnit.SECONDS)).isTrue();

            gateways.gateway(2).getBean(DeliveryRelay.class).relay();
            Duration heldWhileSweeping = gateways.heldFor("delivery-relay");
            finish.countDown();
            sweep.get(60, TimeUnit.SECONDS);

            verify(transfers[1], never()).findIdsStuckIn(any(), any(), any());
            verify(producers[0]).sendBodyAndHeader(DeliveryRoutes.HANDOVER, "transfer-1", DeliveryRoutes.PRIORITY,
                    DeliveryRoutes.ROUTINE_PRIORITY);
            assertThat(heldWhileSweeping).as("lockAtMostFor: one interval").isEqualTo(Duration.ofHours(1));
            assertThat(gateways.heldFor("delivery-relay")).as("lockAtLeastFor: just under one interval")
                    .isEqualTo(Duration.ofMinutes(54));
        }
    }

    @Test
    void whenAGatewayHasSweptThenNeitherGatewaySweepsAgainWithinTheInterval() {
        when(transfers[0].findIdsStuckIn(any(), any(), any())).thenReturn(List.of());
        try (TwoGateways gateways = TwoGateways.start(HOURLY, this::relay)) {
            gateways.gateway(1).getBean(DeliveryRelay.class).relay();
            gateways.gateway(1).getBean(DeliveryRelay.class).relay();
            gateways.gateway(2).getBean(DeliveryRelay.class).atStart();
            gateways.gateway(2).getBean(DeliveryRelay.class).relay();

            verify(transfers[0], times(1)).findIdsStuckIn(any(), any(), any());
            verify(transfers[1], never()).findIdsStuckIn(any(), any(), any());
        }
    }

    @Test
    void whenTheBrokerHoldsASweepsSendThenTheSweepReturnsAndTheNextIsSkippedUntilItEnds() throws Exception {
        CountDownLatch sending = new CountDownLatch(1);
        CountDownLatch brokerBack = new CountDownLatch(1);
        when(transfers[0].findIdsStuckIn(any(), any(), any())).thenReturn(List.of("transfer-1"));
        doAnswer(call -> {
            sending.countDown();
            assertThat(brokerBack.await(60, TimeUnit.SECONDS)).isTrue();
            return null;
        }).when(producers[0]).sendBodyAndHeader(any(String.class), any(), any(String.class), any());
        DeliveryProperties properties = mock(DeliveryProperties.class);
        when(properties.relayAfter()).thenReturn(Duration.ofSeconds(10));
        when(properties.handoverWait()).thenReturn(Duration.ofMillis(100));
        DeliveryRelay relay = new DeliveryRelay(transfers[0], producers[0], properties, Clock.systemUTC());
        try {
            relay.relay();
            assertThat(sending.await(60, TimeUnit.SECONDS)).as("the sweep's send under way").isTrue();

            relay.relay();
            verify(producers[0], times(1)).sendBodyAndHeader(any(String.class), any(), any(String.class), any());

            brokerBack.countDown();
            await().atMost(60, TimeUnit.SECONDS).untilAsserted(() -> {
                relay.relay();
                verify(producers[0], atLeast(2)).sendBodyAndHeader(any(String.class), any(), any(String.class), any());
            });
        }
        finally {
            brokerBack.countDown();
            relay.stop();
        }
    }

    private void relay(int gateway, AnnotationConfigApplicationContext context) {
        DeliveryProperties properties = mock(DeliveryProperties.class);
        when(properties.relayAfter()).thenReturn(Duration.ofSeconds(10));
        when(properties.handoverWait()).thenReturn(Duration.ofSeconds(2));
        context.registerBean(TransferRepository.class, () -> transfers[gateway - 1]);
        context.registerBean(ProducerTemplate.class, () -> producers[gateway - 1]);
        context.registerBean(DeliveryProperties.class, () -> properties);
        context.registerBean(Clock.class, Clock::systemUTC);
        context.registerBean(DeliveryRelay.class);
    }
}
