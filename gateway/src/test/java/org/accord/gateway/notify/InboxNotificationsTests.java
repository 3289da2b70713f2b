package org.accord.gateway.notify;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Webhook settings that would notify an outsider, in clear, or without authenticating the gateway stop the start. */
class InboxNotificationsTests {

    private static final String SECRET = "test-only-webhook-secret-0123456789abcdef";

    @Test
    void whenAUnitIsSetUpWithHttpsAndASecretThenItIsAccepted() {
        assertThatCode(() -> start("uni-northbridge/safeguarding-lead", new WebhookProperties.Unit("https://cms.example/n", null, SECRET)))
                .doesNotThrowAnyException();
    }

    @Test
    void whenTheUnitIsNotOfThisInstitutionThenTheStartIsRefused() {
        assertThatThrownBy(() -> start("ctp-nw-prevent", new WebhookProperties.Unit("https://cms.example/n", null, SECRET)))
                .hasMessageContaining("is not a unit of uni-northbridge");
        assertThatThrownBy(() -> start("uni-northbridgeshire/lead", new WebhookProperties.Unit("https://cms.example/n", null, SECRET)))
                .hasMessageContaining("is not a unit of uni-northbridge");
    }

    @Test
    void whenTheAddressIsNotHttpsThenTheStartIsRefused() {
        assertThatThrownBy(() -> start("uni-northbridge/safeguarding-lead", new WebhookProperties.Unit("http://cms.example/n", null, SECRET)))
                .hasMessageContaining("https://");
    }

    @Test
    void whenNeitherASecretNorAClientCertificateAuthenticatesTheGatewayThenTheStartIsRefused() {
        assertThatThrownBy(() -> start("uni-northbridge/safeguarding-lead", new WebhookProperties.Unit("https://cms.example/n", null, null)))
                .hasMessageContaining("needs an hmac-secret or a tls-bundle");
        assertThatThrownBy(() -> start("uni-northbridge/safeguarding-lead", new WebhookProperties.Unit("https://cms.example/n", null, "short")))
                .hasMessageContaining("shorter than 32")
                .hasMessageNotContaining("short,");
    }

    @Test
    void whenAMessageASendingUnitSentIsAboutToExpireThenThatUnitIsOwedAnExpiringNotificationAndAnotherSenderIsNot() {
        WebhookProperties properties = new WebhookProperties(3, Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(1), 1,
                "https://accord.example", Map.of("uni-northbridge/safeguarding-lead",
                        new WebhookProperties.Unit("https://cms.example/accord", null, SECRET)));
        UnitNotificationRepository outbox = org.mockito.Mockito.mock(UnitNotificationRepository.class);
        InboxNotifications notifications = new InboxNotifications(properties, new UrgentProperties(null), outbox, null, Clock.systemUTC(), "uni-northbridge");

        notifications.on(new org.accord.gateway.transfer.TransferExpiring("t-1", "uni-northbridge/safeguarding-lead", "ctp-nw-prevent",
                "prevent-referral", java.time.Instant.parse("2026-12-18T00:00:00Z")));
        notifications.on(new org.accord.gateway.transfer.TransferExpiring("t-2", "ctp-nw-prevent", "uni-northbridge/safeguarding-lead",
                "referral-outcome", java.time.Instant.parse("2026-12-18T00:00:00Z")));

        org.mockito.ArgumentCaptor<UnitNotification> saved = org.mockito.ArgumentCaptor.forClass(UnitNotification.class);
        org.mockito.Mockito.verify(outbox, org.mockito.Mockito.times(1)).save(saved.capture());
        org.assertj.core.api.Assertions.assertThat(saved.getValue().transferId()).isEqualTo("t-1");
        org.assertj.core.api.Assertions.assertThat(saved.getValue().unit()).isEqualTo("uni-northbridge/safeguarding-lead");
        org.assertj.core.api.Assertions.assertThat(saved.getValue().event()).isEqualTo("transfer-expiring");
    }

    private static void start(String unit, WebhookProperties.Unit settings) {
        WebhookProperties properties = new WebhookProperties(3, Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(1), 1,
                "https://accord.example", Map.of(unit, settings));
        new InboxNotifications(properties, new UrgentProperties(null), null, null, Clock.systemUTC(), "uni-northbridge");
    }
}
