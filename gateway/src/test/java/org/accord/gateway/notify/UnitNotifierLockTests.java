package org.accord.gateway.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
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

import org.accord.gateway.audit.TransferLog;
import org.accord.gateway.delivery.DeliveryProperties;
import org.accord.gateway.delivery.HttpsPost;
import org.accord.gateway.support.TwoGateways;
import org.accord.gateway.transfer.TransferRepository;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * The webhook outbox poll on two gateways sharing a database: they read the outbox one at a time, and the lock is
 * let go when the read ends, so the next poll on either gateway is not held up. A gateway with no webhooks takes
 * no lock.
 */
class UnitNotifierLockTests {

    private static final Map<String, Object> EVERY_MINUTE = Map.of("accord.webhooks.poll-every", "PT1M");

    private static final Map<String, WebhookProperties.Unit> ONE_UNIT = Map.of("uni-northbridge/safeguarding-lead",
            new WebhookProperties.Unit("https://cms.example/accord", null, null));

    private final UnitNotificationRepository[] outboxes = { mock(UnitNotificationRepository.class),
            mock(UnitNotificationRepository.class) };

    @Test
    void whenAGatewayIsReadingTheOutboxThenTheOtherGatewaysPollIsSkippedAndItsNextPollIsNot() throws Exception {
        CountDownLatch reading = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        when(outboxes[0].findDue(any(), any())).thenAnswer(call -> {
            reading.countDown();
            assertThat(finish.await(60, TimeUnit.SECONDS)).isTrue();
            return List.of();
        });
        when(outboxes[1].findDue(any(), any())).thenReturn(List.of());
        try (TwoGateways gateways = TwoGateways.start(EVERY_MINUTE, (gateway, context) -> notifier(gateway, context, ONE_UNIT))) {
            CompletableFuture<Void> poll = CompletableFuture.runAsync(() -> gateways.gateway(1).getBean(UnitNotifier.class).poll());
            assertThat(reading.await(60, TimeUnit.SECONDS)).isTrue();

            gateways.gateway(2).getBean(UnitNotifier.class).poll();
            Duration heldWhileReading = gateways.heldFor("webhook-outbox-poll");
            verify(outboxes[1], never()).findDue(any(), any());
            finish.countDown();
            poll.get(60, TimeUnit.SECONDS);

            gateways.gateway(2).getBean(UnitNotifier.class).poll();
            verify(outboxes[1], times(1)).findDue(any(), any());
            assertThat(heldWhileReading).as("lockAtMostFor: one poll interval").isEqualTo(Duration.ofMinutes(1));
        }
    }

    @Test
    void whenNoUnitHasAWebhookThenThePollTakesNoLock() {
        try (TwoGateways gateways = TwoGateways.start(EVERY_MINUTE, (gateway, context) -> notifier(gateway, context, Map.of()))) {
            gateways.gateway(1).getBean(UnitNotifier.class).poll();

            verify(outboxes[0], never()).findDue(any(), any());
            assertThat(gateways.heldFor("webhook-outbox-poll")).isZero();
        }
    }

    private void notifier(int gateway, AnnotationConfigApplicationContext context, Map<String, WebhookProperties.Unit> units) {
        DeliveryProperties delivery = mock(DeliveryProperties.class);
        when(delivery.httpTimeout()).thenReturn(Duration.ofSeconds(10));
        WebhookProperties webhooks = new WebhookProperties(3, Duration.ofSeconds(1), Duration.ofMinutes(1), Duration.ofMinutes(1), 1,
                "https://accord.example", units);
        context.registerBean(WebhookProperties.class, () -> webhooks);
        context.registerBean(UrgentProperties.class, () -> new UrgentProperties(Map.of()));
        context.registerBean(UnitNotificationRepository.class, () -> outboxes[gateway - 1]);
        context.registerBean(TransferRepository.class, () -> mock(TransferRepository.class));
        context.registerBean(TransferLog.class, () -> mock(TransferLog.class));
        context.registerBean(HttpsPost.class, () -> mock(HttpsPost.class));
        context.registerBean(DeliveryProperties.class, () -> delivery);
        context.registerBean(JsonMapper.class, () -> JsonMapper.builder().build());
        context.registerBean(PlatformTransactionManager.class, () -> mock(PlatformTransactionManager.class));
        context.registerBean(Clock.class, Clock::systemUTC);
        context.registerBean(DueNotifications.class);
        context.registerBean(UnitNotifier.class);
    }
}
