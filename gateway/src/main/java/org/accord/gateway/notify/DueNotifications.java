package org.accord.gateway.notify;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads which notifications in the outbox are due. Gateways sharing a database read one at a time, under a cluster
 * lock held only for the read (the sends run outside it): a gateway that finds the lock held gets nothing this
 * time, since the reading gateway has the same notifications, and its next poll is not held up. Overlapping reads
 * would be safe too: a send first claims its notification with a row-version update, and only one claim wins.
 */
@Component
class DueNotifications {

    private final UnitNotificationRepository notifications;
    private final TransactionTemplate transaction;
    private final Clock clock;

    DueNotifications(UnitNotificationRepository notifications, PlatformTransactionManager transactions, Clock clock) {
        this.notifications = notifications;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** The ids of up to {@code max} due notifications, oldest due first; empty while another gateway is reading. */
    @SchedulerLock(name = "webhook-outbox-poll", lockAtMostFor = "${accord.webhooks.poll-every}")
    Optional<List<String>> read(int max) {
        return Optional.ofNullable(transaction.execute(status -> notifications.findDue(clock.instant(), PageRequest.of(0, max))));
    }
}
