package org.accord.gateway.partner;

import static org.assertj.core.api.Assertions.assertThat;
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
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

/**
 * The certificate expiry warning on two gateways sharing a database: the periodic warning runs on one of them,
 * once per interval between them; the check at start runs on each, for its own copy of the certificates.
 */
class CertificateExpiryWatchLockTests {

    private final PartnerDirectory[] directories = { mock(PartnerDirectory.class), mock(PartnerDirectory.class) };

    @Test
    void whenAGatewayHasWarnedThenNeitherGatewayWarnsAgainWithinTheInterval() throws Exception {
        CountDownLatch checking = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        when(directories[0].entries()).thenAnswer(call -> {
            checking.countDown();
            assertThat(finish.await(60, TimeUnit.SECONDS)).isTrue();
            return List.of();
        });
        try (TwoGateways gateways = TwoGateways.start(Map.of(), this::watch)) {
            CompletableFuture<Void> daily = CompletableFuture.runAsync(() -> gateways.gateway(1).getBean(CertificateExpiryWatch.class).report());
            assertThat(checking.await(60, TimeUnit.SECONDS)).isTrue();

            gateways.gateway(2).getBean(CertificateExpiryWatch.class).report();
            finish.countDown();
            daily.get(60, TimeUnit.SECONDS);
            gateways.gateway(1).getBean(CertificateExpiryWatch.class).report();
            gateways.gateway(2).getBean(CertificateExpiryWatch.class).report();

            verify(directories[0], times(1)).entries();
            verify(directories[1], never()).entries();
            assertThat(gateways.heldFor("certificate-expiry-warning")).as("just under the default interval of a day")
                    .isEqualTo(Duration.ofDays(1).multipliedBy(9).dividedBy(10));
        }
    }

    @Test
    void whenAGatewayStartsWhileAnotherHoldsTheWarningThenItStillChecksItsOwnCertificates() throws Exception {
        when(directories[0].entries()).thenReturn(List.of());
        when(directories[1].entries()).thenReturn(List.of());
        try (TwoGateways gateways = TwoGateways.start(Map.of(), this::watch)) {
            gateways.gateway(1).getBean(CertificateExpiryWatch.class).report();

            gateways.gateway(2).getBean(CertificateExpiryWatch.class).atStart();

            verify(directories[1], times(1)).entries();
        }
    }

    private void watch(int gateway, AnnotationConfigApplicationContext context) {
        context.registerBean(PartnerDirectory.class, () -> directories[gateway - 1]);
        context.registerBean(SigningCertificates.class, () -> mock(SigningCertificates.class));
        context.registerBean(PkiProperties.class, () -> new PkiProperties(null, null, null, null, null, null, null, null, null, null, null));
        context.registerBean(Clock.class, Clock::systemUTC);
        context.registerBean(CertificateExpiryWatch.class);
    }
}
