package org.accord.gateway.audit;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the transfer log for the DPO: transfers and refusals by their opening entry ({@code RECEIVED} or
 * {@code REFUSED}) under a {@link LogFilter}, their latest steps, and counts. Read only; callers log the read.
 */
@Service
public class TransferLogSearch {

    private static final ZoneId UK = ZoneId.of("Europe/London");
    private static final List<LogEvent> OPENINGS = List.of(LogEvent.RECEIVED, LogEvent.REFUSED);

    private final EntityManager em;
    private final String institution;

    public TransferLogSearch(EntityManager em, @Value("${accord.institution}") String institution) {
        this.em = em;
        this.institution = institution;
    }

    /** Opening entries matching the filter, newest first. */
    @Transactional(readOnly = true)
    public Page<TransferLogEntry> openings(LogFilter filter, int page, int size) {
        Map<String, Object> params = new HashMap<>();
        String where = where(filter, params);
        TypedQuery<TransferLogEntry> query = em.createQuery("select e from TransferLogEntry e where " + where + " order by e.seq desc",
                TransferLogEntry.class);
        params.forEach(query::setParameter);
        query.setFirstResult(page * size).setMaxResults(size);
        TypedQuery<Long> count = em.createQuery("select count(e) from TransferLogEntry e where " + where, Long.class);
        params.forEach(count::setParameter);
        return new PageImpl<>(query.getResultList(), PageRequest.of(page, size), count.getSingleResult());
    }

    /** Opening entries of these transfers or refusals, newest first. */
    @Transactional(readOnly = true)
    public List<TransferLogEntry> openingsOf(Collection<String> transferIds) {
        if (transferIds.isEmpty()) {
            return List.of();
        }
        return em.createQuery("select e from TransferLogEntry e where e.transferId in :ids and e.event in :openings order by e.seq desc",
                TransferLogEntry.class).setParameter("ids", transferIds).setParameter("openings", OPENINGS).getResultList();
    }

    /** Every step of these transfers in chain order, log reads left out. */
    @Transactional(readOnly = true)
    public List<TransferLogEntry> stepsOf(Collection<String> transferIds) {
        if (transferIds.isEmpty()) {
            return List.of();
        }
        return em.createQuery("select e from TransferLogEntry e where e.transferId in :ids and e.event <> :read order by e.chainIndex",
                TransferLogEntry.class).setParameter("ids", transferIds).setParameter("read", LogEvent.AUDIT_READ).getResultList();
    }

    /** The latest step of each transfer. */
    @Transactional(readOnly = true)
    public Map<String, TransferLogEntry> latestSteps(Collection<String> transferIds) {
        Map<String, TransferLogEntry> latest = new LinkedHashMap<>();
        stepsOf(transferIds).forEach(e -> latest.put(e.transferId(), e));
        return latest;
    }

    /** Refusals matching the filter, counted by {@code by} ({@code code} or {@code sender}), most first. */
    @Transactional(readOnly = true)
    public Map<String, Long> refusalCounts(LogFilter filter, String by) {
        if (!by.equals("code") && !by.equals("sender")) {
            throw new IllegalArgumentException("Refusals are counted by code or sender");
        }
        Map<String, Object> params = new HashMap<>();
        String where = where(filter.refusedOnly(), params);
        TypedQuery<Object[]> query = em.createQuery("select e." + by + ", count(e) from TransferLogEntry e where " + where
                + " group by e." + by + " order by count(e) desc, e." + by, Object[].class);
        params.forEach(query::setParameter);
        Map<String, Long> counts = new LinkedHashMap<>();
        query.getResultList().forEach(row -> counts.put(String.valueOf(row[0]), (Long) row[1]));
        return counts;
    }

    /** Agreement id and time of every accepted transfer received since {@code since}. */
    @Transactional(readOnly = true)
    public List<AcceptedTransfer> acceptedSince(Instant since) {
        return em.createQuery("select e.agreementId, e.recordedAt from TransferLogEntry e where e.event = :received and e.recordedAt >= :since",
                Object[].class).setParameter("received", LogEvent.RECEIVED).setParameter("since", since).getResultList().stream()
                .map(row -> new AcceptedTransfer((String) row[0], (Instant) row[1])).toList();
    }

    /** Distinct refusal and failure codes in the log, for the filter's choices. */
    @Transactional(readOnly = true)
    public List<String> codes() {
        return em.createQuery("select distinct e.code from TransferLogEntry e where e.code is not null order by e.code", String.class)
                .getResultList();
    }

    /** Distinct organisations that sent or received anything, for the filter's choices. */
    @Transactional(readOnly = true)
    public List<String> partners() {
        List<String> senders = em.createQuery("select distinct e.sender from TransferLogEntry e where e.sender is not null", String.class).getResultList();
        List<String> recipients = em.createQuery("select distinct e.recipient from TransferLogEntry e where e.recipient is not null", String.class).getResultList();
        return java.util.stream.Stream.concat(senders.stream(), recipients.stream()).distinct().sorted().toList();
    }

    private String where(LogFilter f, Map<String, Object> params) {
        StringBuilder w = new StringBuilder("e.event in :openings");
        params.put("openings", OPENINGS);
        if (f.from() != null) {
            w.append(" and e.recordedAt >= :from");
            params.put("from", f.from().atStartOfDay(UK).toInstant());
        }
        if (f.to() != null) {
            w.append(" and e.recordedAt < :to");
            params.put("to", f.to().plusDays(1).atStartOfDay(UK).toInstant());
        }
        if (f.partner() != null) {
            w.append(" and (e.sender = :partner or e.recipient = :partner or e.sender like :partnerUnit or e.recipient like :partnerUnit)");
            params.put("partner", f.partner());
            params.put("partnerUnit", f.partner() + "/%");
        }
        if (f.agreementId() != null) {
            w.append(" and e.agreementId = :agreement");
            params.put("agreement", f.agreementId());
        }
        if (f.recordType() != null) {
            w.append(" and e.recordType = :recordType");
            params.put("recordType", f.recordType());
        }
        if (f.direction() != null) {
            String ours = "(e.%1$s = :institution or e.%1$s like :institutionUnit)";
            params.put("institution", institution);
            params.put("institutionUnit", institution + "/%");
            switch (f.direction()) {
                case "outbound" -> w.append(" and ").append(ours.formatted("sender")).append(" and not ").append(ours.formatted("recipient"));
                case "inbound" -> w.append(" and not ").append(ours.formatted("sender")).append(" and ").append(ours.formatted("recipient"));
                case "internal" -> w.append(" and ").append(ours.formatted("sender")).append(" and ").append(ours.formatted("recipient"));
                default -> throw new IllegalArgumentException("Unknown direction");
            }
        }
        if (f.outcome() != null) {
            switch (f.outcome()) {
                case "accepted" -> w.append(" and e.event = :received");
                case "refused" -> w.append(" and e.event = :refused");
                case "failed" -> w.append(" and exists (select 1 from TransferLogEntry x where x.transferId = e.transferId and x.outcome = :failed)");
                default -> throw new IllegalArgumentException("Unknown outcome");
            }
            switch (f.outcome()) {
                case "accepted" -> params.put("received", LogEvent.RECEIVED);
                case "refused" -> params.put("refused", LogEvent.REFUSED);
                default -> params.put("failed", LogOutcome.FAILED);
            }
        }
        if (f.event() != null) {
            w.append(" and exists (select 1 from TransferLogEntry s where s.transferId = e.transferId and s.event = :event)");
            params.put("event", f.event());
        }
        if (f.code() != null) {
            w.append(" and exists (select 1 from TransferLogEntry c where c.transferId = e.transferId and c.code = :code)");
            params.put("code", f.code());
        }
        return w.toString();
    }

    /** An accepted transfer's agreement and time, for volume charts. */
    public record AcceptedTransfer(String agreementId, Instant receivedAt) {
    }
}
