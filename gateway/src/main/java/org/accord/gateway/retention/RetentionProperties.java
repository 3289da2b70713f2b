package org.accord.gateway.retention;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Period;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How long the gateway keeps what it holds (docs/retention.md).
 *
 * @param enabled whether the purge runs at all (on by default; off only to measure what it saves)
 * @param sealedAfterAcknowledgement how long a sealed copy is kept once its recipient acknowledged it
 * @param uncollectedAfter how long a mailbox or inbox message may wait unacknowledged when its agreement flow sets no
 *        {@code collectWithin}; then it is marked {@code EXPIRED} and its sealed copy deleted
 * @param uncollectedWarning how long before a message expires uncollected its sender is warned
 * @param sealedAfterDelivery how long a pushed (HTTPS, JMS) message's sealed copy is kept once delivered, for a resend
 * @param idempotencyKeys how long an {@code Idempotency-Key} is kept (a repeat after that is a new submission)
 * @param transferLog how long log entries stay in the live log before they are archived
 * @param archiveDirectory where archived log segments are written
 * @param purgeEvery how often the purge runs (on one gateway at a time)
 * @param batchSize rows deleted per transaction, so a purge never holds locks long enough to stall submits
 * @param archiveSegmentEntries the most entries one archived segment holds, roughly (it ends at a signed checkpoint)
 */
@Validated
@ConfigurationProperties("accord.retention")
public record RetentionProperties(Boolean enabled, @NotNull Period sealedAfterAcknowledgement, @NotNull Period uncollectedAfter,
        @NotNull Period uncollectedWarning, @NotNull Period sealedAfterDelivery, @NotNull Period idempotencyKeys,
        @NotNull Period transferLog, @NotNull Path archiveDirectory, @NotNull Duration purgeEvery,
        @Min(1) @Max(10_000) Integer batchSize, @Min(100) Integer archiveSegmentEntries) {

    public RetentionProperties {
        enabled = enabled == null || enabled;
        batchSize = batchSize == null ? 100 : batchSize;
        archiveSegmentEntries = archiveSegmentEntries == null ? 10_000 : archiveSegmentEntries;
    }
}
