package org.accord.gateway.retention;

import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.accord.gateway.audit.LogEntry;
import org.accord.gateway.audit.LogEvent;
import org.accord.gateway.audit.LogOutcome;
import org.accord.gateway.audit.TransferFacts;
import org.accord.gateway.audit.TransferLog;
import org.accord.gateway.transfer.TransferExpiring;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The sealed copies of transfers: deleted once acknowledged and kept {@code sealed-after-acknowledgement}, once
 * pushed and delivered and kept {@code sealed-after-delivery}, or with the message marked {@code EXPIRED} when its
 * recipient did not acknowledge it within its flow's {@code collectWithin} (else {@code uncollected-after}), its
 * sender warned {@code uncollected-warning} before. Each batch is one short transaction; each transfer's change is
 * conditional on the status it was found in, and its row lock is the one a download or an acknowledgement takes,
 * so a purge and a recipient take turns and neither sees half of the other. Every deletion is logged with the
 * transfer's facts and its sealed copy's digest, never its content.
 */
@Component
class SealedCopies {

    static final String SEALED_COPY = "SEALED_COPY";
    static final String UNCOLLECTED = "UNCOLLECTED";

    private static final String FACTS = "select id, sender, recipient, record_type, schema_version, purpose, agreement_id, "
            + "agreement_version, agreement_sha256, sealed_sha256, collect_by, created_at from transfer ";
    private static final String UNCOLLECTED_DUE = "status in ('AVAILABLE', 'DOWNLOADED') and channel = 'mailbox' and purged_at is null "
            + "and ((collect_by is not null and collect_by <= ?) or (collect_by is null and created_at <= ?)) ";

    private final JdbcTemplate jdbc;
    private final org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate named;
    private final TransferLog transferLog;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final RetentionProperties properties;
    private final Clock clock;

    SealedCopies(JdbcTemplate jdbc, TransferLog transferLog, ApplicationEventPublisher events, PlatformTransactionManager transactions,
            RetentionProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.named = new org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate(jdbc);
        this.transferLog = transferLog;
        this.events = events;
        this.transaction = new TransactionTemplate(transactions);
        this.properties = properties;
        this.clock = clock;
    }

    /** Deletes one batch of acknowledged messages' sealed copies kept long enough; returns how many. */
    int purgeAcknowledged(Instant now) {
        return purgeAfter("ACKNOWLEDGED", minus(now, properties.sealedAfterAcknowledgement()), now, "acknowledged");
    }

    /** Deletes one batch of delivered pushes' sealed copies kept long enough for a resend; returns how many. */
    int purgeDelivered(Instant now) {
        return purgeAfter("DELIVERED", minus(now, properties.sealedAfterDelivery()), now, "delivered");
    }

    private int purgeAfter(String status, Instant before, Instant now, String why) {
        List<Due> due = jdbc.query(FACTS + "where status = ? and purged_at is null and updated_at <= ? order by updated_at limit ?",
                Due::of, status, at(before), properties.batchSize());
        if (due.isEmpty()) {
            return 0;
        }
        return transaction.execute(tx -> {
            List<Due> locked = lock(due, "status = :status and purged_at is null", Map.of("status", status));
            List<String> ids = locked.stream().map(Due::id).toList();
            if (ids.isEmpty()) {
                return 0;
            }
            named.update("update transfer set purged_at = :now, row_version = row_version + 1 where id in (:ids)",
                    Map.of("now", at(now), "ids", ids));
            named.update("delete from sealed_message where transfer_id in (:ids)", Map.of("ids", ids));
            for (Due d : locked) {
                transferLog.append(new LogEntry(d.id(), LogEvent.PURGED, LogOutcome.OK, SEALED_COPY, "gateway", d.facts(),
                        d.sealedSha256(), "sealed copy deleted: " + why + " and kept its retention period"));
            }
            return locked.size();
        });
    }

    /**
     * Of {@code due}, those still in the state they were found in, their rows locked to the end of the transaction:
     * a download or acknowledgement that took a row first has finished by then, and one that comes later waits.
     */
    private List<Due> lock(List<Due> due, String stillDue, Map<String, Object> args) {
        Map<String, Object> all = new java.util.HashMap<>(args);
        all.put("ids", due.stream().map(Due::id).toList());
        java.util.Set<String> still = new java.util.HashSet<>(named.queryForList("select id from transfer where id in (:ids) and "
                + stillDue + " for update", all, String.class));
        return due.stream().filter(d -> still.contains(d.id())).toList();
    }

    /** Marks one batch of uncollected mailbox and inbox messages {@code EXPIRED} and deletes their sealed copies. */
    int expireUncollected(Instant now) {
        List<Due> due = jdbc.query(FACTS + "where " + UNCOLLECTED_DUE + "order by created_at limit ?", Due::of,
                at(now), at(minus(now, properties.uncollectedAfter())), properties.batchSize());
        if (due.isEmpty()) {
            return 0;
        }
        return transaction.execute(tx -> {
            List<Due> locked = lock(due, "status in ('AVAILABLE', 'DOWNLOADED') and purged_at is null", Map.of());
            List<String> ids = locked.stream().map(Due::id).toList();
            if (ids.isEmpty()) {
                return 0;
            }
            named.update("update transfer set status = 'EXPIRED', purged_at = :now, updated_at = :now, row_version = row_version + 1 "
                    + "where id in (:ids)", Map.of("now", at(now), "ids", ids));
            named.update("delete from sealed_message where transfer_id in (:ids)", Map.of("ids", ids));
            for (Due d : locked) {
                transferLog.append(new LogEntry(d.id(), LogEvent.EXPIRED, LogOutcome.FAILED, UNCOLLECTED, "gateway", d.facts(),
                        d.sealedSha256(), "not acknowledged by " + d.expiresAt(properties) + "; sealed copy deleted"));
            }
            return locked.size();
        });
    }

    /** Warns the senders of one batch of messages that expire within {@code uncollected-warning}; returns how many. */
    int warnUncollected(Instant now) {
        Instant warnBy = plus(now, properties.uncollectedWarning());
        List<Due> due = jdbc.query(FACTS + "where expiry_warned_at is null and " + UNCOLLECTED_DUE + "order by created_at limit ?",
                Due::of, at(warnBy), at(minus(warnBy, properties.uncollectedAfter())), properties.batchSize());
        if (due.isEmpty()) {
            return 0;
        }
        return transaction.execute(tx -> {
            int warned = 0;
            for (Due d : due) {
                int changed = jdbc.update("update transfer set expiry_warned_at = ? where id = ? and expiry_warned_at is null "
                        + "and status in ('AVAILABLE', 'DOWNLOADED')", at(now), d.id());
                if (changed == 1) {
                    Instant expiresAt = d.expiresAt(properties);
                    transferLog.append(new LogEntry(d.id(), LogEvent.EXPIRY_WARNED, LogOutcome.OK, UNCOLLECTED, "gateway", d.facts(),
                            d.sealedSha256(), "expires uncollected at " + expiresAt + " unless acknowledged"));
                    events.publishEvent(new TransferExpiring(d.id(), d.facts().sender(), d.facts().recipient(),
                            d.facts().recordType(), expiresAt));
                    warned++;
                }
            }
            return warned;
        });
    }

    /** An instant as the databases' {@code timestamp with time zone} takes it, whatever the JVM's zone. */
    static java.time.OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    static Instant minus(Instant instant, Period period) {
        return instant.atZone(ZoneOffset.UTC).minus(period).toInstant();
    }

    static Instant plus(Instant instant, Period period) {
        return instant.atZone(ZoneOffset.UTC).plus(period).toInstant();
    }

    /** A transfer found due, with what its log entry records. */
    private record Due(String id, TransferFacts facts, String sealedSha256, Instant collectBy, Instant createdAt) {

        static Due of(java.sql.ResultSet row, int index) throws java.sql.SQLException {
            java.time.OffsetDateTime collectBy = row.getObject("collect_by", java.time.OffsetDateTime.class);
            return new Due(row.getString("id"), TransferFacts.of(row.getString("sender"), row.getString("recipient"),
                    row.getString("record_type"), row.getInt("schema_version"), row.getString("purpose"))
                    .withAgreement(row.getString("agreement_id"), row.getInt("agreement_version"), row.getString("agreement_sha256")),
                    row.getString("sealed_sha256"), collectBy == null ? null : collectBy.toInstant(),
                    row.getObject("created_at", java.time.OffsetDateTime.class).toInstant());
        }

        Instant expiresAt(RetentionProperties properties) {
            return collectBy != null ? collectBy : plus(createdAt, properties.uncollectedAfter());
        }
    }
}
