package org.accord.gateway.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Period;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.accord.gateway.support.TwoGateways;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

/**
 * The purge on two gateways sharing a database: while one runs it, the other's turn passes without running it, and
 * neither runs it again within the interval (the lock is held for just under {@code accord.retention.purge-every}).
 */
class RetentionJobLockTests {

    private final RetentionPurge[] purges = { mock(RetentionPurge.class), mock(RetentionPurge.class) };

    @Test
    void whenOneGatewayIsPurgingThenTheOtherDoesNotAndNeitherPurgesAgainWithinTheInterval() throws Exception {
        CountDownLatch purging = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        when(purges[0].run()).thenAnswer(call -> {
            purging.countDown();
            assertThat(finish.await(60, TimeUnit.SECONDS)).isTrue();
            return null;
        });
        try (TwoGateways gateways = TwoGateways.start(Map.of("accord.retention.purge-every", "PT1H"), this::job)) {
            CompletableFuture<Void> first = CompletableFuture.runAsync(() -> gateways.gateway(1).getBean(RetentionJob.class).purge());
            assertThat(purging.await(60, TimeUnit.SECONDS)).isTrue();

            gateways.gateway(2).getBean(RetentionJob.class).purge();
            finish.countDown();
            first.get(60, TimeUnit.SECONDS);
            gateways.gateway(1).getBean(RetentionJob.class).purge();
            gateways.gateway(2).getBean(RetentionJob.class).purge();

            verify(purges[0], times(1)).run();
            verify(purges[1], never()).run();
            assertThat(gateways.heldFor(RetentionJob.LOCK)).as("just under the interval").isEqualTo(Duration.ofMinutes(54));
        }
    }

    private void job(int gateway, AnnotationConfigApplicationContext context) {
        context.registerBean(RetentionPurge.class, () -> purges[gateway - 1]);
        context.registerBean(RetentionProperties.class, () -> new RetentionProperties(true, Period.ofDays(7), Period.ofDays(30),
                Period.ofDays(7), Period.ofDays(7), Period.ofDays(30), Period.ofYears(6), Path.of("archive"), Duration.ofHours(1), 500,
                10_000));
        context.registerBean(RetentionJob.class);
    }
}
