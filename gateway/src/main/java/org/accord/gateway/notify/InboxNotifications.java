package org.accord.gateway.notify;

import java.time.Clock;

import org.accord.gateway.audit.Ids;
import org.accord.gateway.delivery.HttpsPost;
import org.accord.gateway.transfer.TransferAvailable;
import org.accord.gateway.transfer.TransferExpiring;
import org.accord.gateway.transfer.TransferUrgent;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Owes a unit's system a notification when a transfer becomes available in that unit's inbox: the outbox row is
 * written in the transaction that makes the transfer available, so the two commit together or not at all and a
 * crash cannot lose the notification. At start, refuses webhook settings that are not safe: a unit outside this
 * institution, an address that is not {@code https://}, or a receiver the gateway would not authenticate to
 * (neither an HMAC secret of at least 32 characters nor a client certificate); the same for partners' duty webhooks
 * ({@code accord.urgent.partners}).
 */
@Component
class InboxNotifications {

    static final int MIN_SECRET_LENGTH = 32;

    private final WebhookProperties properties;
    private final UrgentProperties urgent;
    private final UnitNotificationRepository notifications;
    private final Clock clock;

    InboxNotifications(WebhookProperties properties, UrgentProperties urgent, UnitNotificationRepository notifications,
            HttpsPost https, Clock clock, @Value("${accord.institution}") String institution) {
        this.properties = properties;
        this.urgent = urgent;
        this.notifications = notifications;
        this.clock = clock;
        properties.units().forEach((unit, settings) -> check(unit, settings, institution, https));
        urgent.partners().forEach((partner, settings) -> check("accord.urgent.partners", partner, settings, https));
    }

    /**
     * The recipient organisation's duty officer is alerted, if it has a duty webhook, that an urgent transfer is on
     * its way (ICO Data Sharing Code: share what is necessary in an emergency, and make sure it is acted on).
     */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(TransferUrgent transfer) {
        String partner = transfer.recipient().split("/", 2)[0];
        if (urgent.partners().containsKey(partner)) {
            notifications.save(new UnitNotification(Ids.next(), transfer.transferId(), partner, UnitNotifier.URGENT,
                    clock.instant()));
        }
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(TransferAvailable available) {
        if (properties.units().containsKey(available.recipient())) {
            notifications.save(new UnitNotification(Ids.next(), available.transferId(), available.recipient(),
                    clock.instant()));
        }
    }

    /** The sending unit's system is warned, if it has a webhook, that a message it sent will expire uncollected. */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(TransferExpiring expiring) {
        if (properties.units().containsKey(expiring.sender())) {
            notifications.save(new UnitNotification(Ids.next(), expiring.transferId(), expiring.sender(), UnitNotifier.EXPIRING,
                    clock.instant()));
        }
    }

    private static void check(String unit, WebhookProperties.Unit settings, String institution, HttpsPost https) {
        if (!unit.equals(institution) && !unit.startsWith(institution + "/")) {
            throw refused("accord.webhooks.units", unit, "is not a unit of " + institution);
        }
        check("accord.webhooks.units", unit, settings, https);
    }

    private static void check(String prefix, String key, WebhookProperties.Unit settings, HttpsPost https) {
        if (settings.url() == null || !settings.url().startsWith("https://")) {
            throw refused(prefix, key, "needs an https:// url");
        }
        boolean hmac = settings.hmacSecret() != null && settings.hmacSecret().length() >= MIN_SECRET_LENGTH;
        boolean mutualTls = settings.tlsBundle() != null && https.presentsClientCertificate(settings.tlsBundle());
        if (settings.hmacSecret() != null && !hmac) {
            throw refused(prefix, key, "has an hmac-secret shorter than " + MIN_SECRET_LENGTH + " characters");
        }
        if (!hmac && !mutualTls) {
            throw refused(prefix, key, "needs an hmac-secret or a tls-bundle with a client certificate");
        }
    }

    private static IllegalStateException refused(String prefix, String key, String why) {
        return new IllegalStateException(prefix + "[" + key + "] " + why);
    }
}
