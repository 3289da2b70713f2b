package org.accord.gateway.retention;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the purge every {@code accord.retention.purge-every}, on one gateway at a time across those sharing the
 * database (the {@code retention-purge} lock): the first to take the lock runs it, and the lock is held for just
 * under the interval, so the others skip that interval instead of running it again. A gateway that dies mid-run
 * holds the lock for {@code lockAtMostFor} (two intervals) at most.
 */
@Component
class RetentionJob {

    static final String LOCK = "retention-purge";
    private static final String EVERY = "${accord.retention.purge-every}";
    private static final String MILLIS = "T(org.springframework.format.datetime.standard.DurationFormatterUtils).detectAndParse('"
            + EVERY + "').toMillis()";

    private final RetentionPurge purge;
    private final RetentionProperties properties;

    RetentionJob(RetentionPurge purge, RetentionProperties properties) {
        this.purge = purge;
        this.properties = properties;
    }

    @Scheduled(fixedDelayString = EVERY, initialDelayString = EVERY)
    @SchedulerLock(name = LOCK, lockAtMostFor = "#{" + MILLIS + " * 2}", lockAtLeastFor = "#{" + MILLIS + " * 9 / 10}")
    void purge() {
        if (properties.enabled()) {
            purge.run();
        }
    }
}
