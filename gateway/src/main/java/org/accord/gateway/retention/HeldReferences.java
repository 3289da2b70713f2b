package org.accord.gateway.retention;

import static org.accord.gateway.retention.SealedCopies.at;
import static org.accord.gateway.retention.SealedCopies.minus;

import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.accord.gateway.agreement.Agreement;
import org.accord.gateway.agreement.AgreementSource;
import org.accord.gateway.agreement.Retention;
import org.accord.gateway.audit.LogEntry;
import org.accord.gateway.audit.LogEvent;
import org.accord.gateway.audit.LogOutcome;
import org.accord.gateway.audit.TransferLog;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keyed subject references and idempotency keys. A transfer's subject references go when the longest retention
 * period its agreement sets for the sending organisation has passed since the transfer; a transfer whose agreement
 * is no longer in the catalogue, or sets no period for its sender, and a refusal's references go after
 * {@code accord.retention.transfer-log}, when the log entries they point to are archived. Idempotency keys go after
 * {@code accord.retention.idempotency-keys}. Each batch is one transaction with one {@code PURGED} entry: a count,
 * never a reference.
 */
@Component
class HeldReferences {

    static final String SUBJECT_REFERENCES = "SUBJECT_REFERENCES";
    static final String IDEMPOTENCY_KEYS = "IDEMPOTENCY_KEYS";

    private final JdbcTemplate jdbc;
    private final TransferLog transferLog;
    private final AgreementSource agreements;
    private final TransactionTemplate transaction;
    private final RetentionProperties properties;

    HeldReferences(JdbcTemplate jdbc, TransferLog transferLog, AgreementSource agreements, PlatformTransactionManager transactions,
            RetentionProperties properties) {
        this.jdbc = jdbc;
        this.transferLog = transferLog;
        this.agreements = agreements;
        this.transaction = new TransactionTemplate(transactions);
        this.properties = properties;
    }

    /** Deletes the subject references that are due, a batch per transaction; returns how many. */
    int purgeSubjectReferences(Instant now) {
        int deleted = 0;
        List<String> known = new ArrayList<>();
        for (Agreement agreement : agreements.current().agreements().values()) {
            known.add(agreement.id());
            Map<String, Period> longest = longestPerOrganisation(agreement);
            List<String> covered = new ArrayList<>();
            for (Map.Entry<String, Period> entry : longest.entrySet()) {
                covered.add(entry.getKey());
                deleted += subjectBatches("t.agreement_id = ? and (t.sender = ? or t.sender like ?)",
                        List.of(agreement.id(), entry.getKey(), entry.getKey() + "/%"), minus(now, entry.getValue()),
                        "agreement " + agreement.id() + ", sender " + entry.getKey() + ", after " + entry.getValue());
            }
            StringBuilder notCovered = new StringBuilder("t.agreement_id = ?");
            List<Object> args = new ArrayList<>(List.of(agreement.id()));
            for (String organisation : covered) {
                notCovered.append(" and t.sender <> ? and t.sender not like ?");
                args.add(organisation);
                args.add(organisation + "/%");
            }
            deleted += subjectBatches(notCovered.toString(), args, minus(now, properties.transferLog()),
                    "agreement " + agreement.id() + ", a sender it sets no period for, after " + properties.transferLog());
        }
        StringBuilder unknown = new StringBuilder("1 = 1");
        known.forEach(id -> unknown.append(" and t.agreement_id <> ?"));
        deleted += subjectBatches(unknown.toString(), new ArrayList<>(known), minus(now, properties.transferLog()),
                "an agreement no longer in the catalogue, after " + properties.transferLog());
        deleted += refusalBatches(minus(now, properties.transferLog()));
        return deleted;
    }

    /** The longest period the agreement sets for each organisation it names in its retention section. */
    static Map<String, Period> longestPerOrganisation(Agreement agreement) {
        Map<String, Period> longest = new LinkedHashMap<>();
        for (Retention r : agreement.retention()) {
            String organisation = r.organisation().split("/", 2)[0];
            Period period = Period.parse(r.period());
            longest.merge(organisation, period, (a, b) -> days(a) >= days(b) ? a : b);
        }
        return longest;
    }

    private static long days(Period period) {
        Instant epoch = Instant.EPOCH;
        return java.time.Duration.between(epoch, epoch.atZone(ZoneOffset.UTC).plus(period).toInstant()).toDays();
    }

    private int subjectBatches(String where, List<Object> args, Instant before, String why) {
        String select = "select t.id from transfer t where " + where + " and t.created_at < ? "
                + "and exists (select 1 from transfer_subject s where s.transfer_id = t.id) limit ?";
        List<Object> all = new ArrayList<>(args);
        all.add(at(before));
        all.add(properties.batchSize());
        return batches(select, all.toArray(), why);
    }

    private int refusalBatches(Instant before) {
        String select = "select l.transfer_id from transfer_log l where l.event = 'REFUSED' and l.recorded_at < ? "
                + "and exists (select 1 from transfer_subject s where s.transfer_id = l.transfer_id) limit ?";
        return batches(select, new Object[] { at(before), properties.batchSize() },
                "refusals, after " + properties.transferLog());
    }

    private int batches(String select, Object[] args, String why) {
        int total = 0;
        while (true) {
            List<String> ids = jdbc.queryForList(select, String.class, args);
            if (ids.isEmpty()) {
                return total;
            }
            int deleted = transaction.execute(tx -> {
                int count = 0;
                for (String id : ids) {
                    count += jdbc.update("delete from transfer_subject where transfer_id = ?", id);
                }
                transferLog.append(new LogEntry(null, LogEvent.PURGED, LogOutcome.OK, SUBJECT_REFERENCES, "gateway", null, null,
                        count + " subject reference(s) of " + ids.size() + " transfer(s) deleted: " + why));
                return count;
            });
            total += deleted;
            if (ids.size() < properties.batchSize()) {
                return total;
            }
        }
    }

    /** Clears the idempotency keys kept long enough, a batch per transaction; returns how many. */
    int clearIdempotencyKeys(Instant now) {
        Instant before = minus(now, properties.idempotencyKeys());
        int total = 0;
        while (true) {
            List<String> ids = jdbc.queryForList("select id from transfer where idempotency_key is not null and created_at < ? "
                    + "order by created_at limit ?", String.class, at(before), properties.batchSize());
            if (ids.isEmpty()) {
                return total;
            }
            int cleared = transaction.execute(tx -> {
                int count = 0;
                for (String id : ids) {
                    count += jdbc.update("update transfer set idempotency_key = null where id = ? and idempotency_key is not null", id);
                }
                transferLog.append(new LogEntry(null, LogEvent.PURGED, LogOutcome.OK, IDEMPOTENCY_KEYS, "gateway", null, null,
                        count + " idempotency key(s) cleared, kept " + properties.idempotencyKeys()));
                return count;
            });
            total += cleared;
            if (ids.size() < properties.batchSize()) {
                return total;
            }
        }
    }
}
