package org.accord.gateway.notify;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;

import org.accord.gateway.audit.LogEntry;
import org.accord.gateway.audit.LogEvent;
import org.accord.gateway.audit.LogOutcome;
import org.accord.gateway.audit.TransferFacts;
import org.accord.gateway.audit.TransferLog;
import org.accord.gateway.delivery.DeliveryProperties;
import org.accord.gateway.delivery.HttpsPost;
import org.accord.gateway.delivery.PushResult;
import org.accord.gateway.transfer.Transfer;
import org.accord.gateway.transfer.TransferRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends the notifications the outbox holds. Each due one is claimed in a short transaction, posted with no
 * transaction open, and its outcome recorded and logged in another: {@code NOTIFIED}, or
 * {@code NOTIFY_ATTEMPT_FAILED} and a retry after a doubling delay with jitter, or {@code NOTIFY_FAILED} after the
 * last attempt or an answer that retrying will not change. A notification can arrive more than once (a crash
 * after the POST, before its outcome is recorded): receivers drop repeats by {@code notificationId}.
 */
@Component
class UnitNotifier implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(UnitNotifier.class);
    private static final int BATCH = 50;
    private static final double JITTER = 0.2;
    static final String EVENT = "transfer-available";
    static final String EXPIRING = "transfer-expiring";
    static final String URGENT = "urgent-transfer";

    private final WebhookProperties properties;
    private final UrgentProperties urgent;
    private final UnitNotificationRepository notifications;
    private final DueNotifications outbox;
    private final TransferRepository transfers;
    private final TransferLog transferLog;
    private final HttpsPost https;
    private final JsonMapper json;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final Duration lease;
    private final ExecutorService senders;
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();

    UnitNotifier(WebhookProperties properties, UrgentProperties urgent, UnitNotificationRepository notifications, DueNotifications outbox,
            TransferRepository transfers, TransferLog transferLog, HttpsPost https, DeliveryProperties delivery, JsonMapper json,
            PlatformTransactionManager transactions, Clock clock) {
        this.properties = properties;
        this.urgent = urgent;
        this.notifications = notifications;
        this.outbox = outbox;
        this.transfers = transfers;
        this.transferLog = transferLog;
        this.https = https;
        this.json = json;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
        this.lease = delivery.httpTimeout().multipliedBy(3);
        this.senders = Executors.newFixedThreadPool(properties.senders(), runnable -> {
            Thread thread = new Thread(runnable, "accord-webhook");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Scheduled(fixedDelayString = "${accord.webhooks.poll-every}", initialDelayString = "${accord.webhooks.poll-every}")
    void poll() {
        if ((properties.units().isEmpty() && urgent.partners().isEmpty()) || inFlight.size() >= BATCH) {
            return;
        }
        List<String> due = outbox.read(BATCH).orElse(List.of());
        for (String id : due) {
            if (inFlight.size() < BATCH && inFlight.add(id)) {
                senders.execute(() -> {
                    try {
                        send(id);
                    }
                    catch (RuntimeException e) {
                        log.warn("Notification={} not sent: {}; it stays due", id, e.getClass().getSimpleName());
                    }
                    finally {
                        inFlight.remove(id);
                    }
                });
            }
        }
    }

    void send(String id) {
        Claim claim;
        try {
            claim = transaction.execute(status -> claim(id));
        }
        catch (OptimisticLockingFailureException e) {
            return;
        }
        if (claim == null) {
            return;
        }
        WebhookProperties.Unit unit = claim.urgent() ? urgent.partners().get(claim.unit()) : properties.units().get(claim.unit());
        PushResult result = unit == null ? new PushResult(PushResult.Kind.PERMANENT, "WEBHOOK_NOT_CONFIGURED")
                : https.post(unit.tlsBundle(), unit.url(), headers(unit, claim), claim.body());
        transaction.executeWithoutResult(status -> record(claim, result));
    }

    /** Takes a due notification for one send; null when it is gone, not due, or another gateway has it. */
    private Claim claim(String id) {
        Instant now = clock.instant();
        UnitNotification notification = notifications.findById(id).orElse(null);
        if (notification == null || !notification.dueAt(now)) {
            return null;
        }
        Transfer transfer = transfers.findById(notification.transferId()).orElseThrow();
        notification.claim(now.plus(lease), now);
        boolean expiring = EXPIRING.equals(notification.event());
        boolean duty = URGENT.equals(notification.event());
        Object notice = duty
                ? new DutyNotice(notification.id(), URGENT, transfer.id(), notification.unit(), transfer.sender(),
                        transfer.recordType(), transfer.channel(), notification.createdAt().toString())
                : new InboxNotice(notification.id(), expiring ? EXPIRING : EVENT, transfer.id(), notification.unit(),
                        transfer.sender(), transfer.recordType(), transfer.direction(), notification.createdAt().toString(),
                        properties.apiBaseUrl() + (expiring ? "/api/v1/transfers/" : "/api/v1/mailbox/") + transfer.id());
        return new Claim(notification.id(), transfer.id(), notification.unit(), duty, notification.attempts() + 1,
                json.writeValueAsBytes(notice), transfer.facts(), transfer.sealedSha256());
    }

    private Map<String, String> headers(WebhookProperties.Unit unit, Claim claim) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("Accord-Notification-Id", claim.notificationId());
        headers.put("Accord-Transfer-Id", claim.transferId());
        if (unit.hmacSecret() != null) {
            headers.put(WebhookSignature.HEADER, WebhookSignature.header(unit.hmacSecret(), clock.instant().getEpochSecond(), claim.body()));
        }
        return headers;
    }

    private void record(Claim claim, PushResult result) {
        Instant now = clock.instant();
        UnitNotification notification = notifications.findById(claim.notificationId()).orElseThrow();
        int max = properties.maxAttempts();
        String attempt = claim.unit() + (claim.urgent() ? " duty webhook" : " webhook") + ", attempt " + claim.attempt() + " of " + max;
        if (result.kind() == PushResult.Kind.DELIVERED) {
            notification.attempted(true, result.code(), null, now);
            append(claim, LogEvent.NOTIFIED, LogOutcome.OK, result.code(), attempt);
        }
        else if (result.kind() == PushResult.Kind.RETRYABLE && claim.attempt() < max) {
            notification.attempted(false, result.code(), now.plus(backoff(claim.attempt())), now);
            append(claim, LogEvent.NOTIFY_ATTEMPT_FAILED, LogOutcome.FAILED, result.code(), attempt);
        }
        else {
            notification.attempted(false, result.code(), null, now);
            append(claim, LogEvent.NOTIFY_FAILED, LogOutcome.FAILED, result.code(), attempt);
            log.warn("Notification={} of unit={} for transfer={} given up code={} after {} attempt(s)", claim.notificationId(),
                    claim.unit(), claim.transferId(), result.code(), claim.attempt());
        }
    }

    private void append(Claim claim, LogEvent event, LogOutcome outcome, String code, String detail) {
        transferLog.append(new LogEntry(claim.transferId(), event, outcome, code, "gateway", claim.facts(), claim.sealedSha256(), detail));
    }

    private Duration backoff(int attempt) {
        long first = properties.retryDelay().toMillis();
        long capped = Math.min(properties.maxRetryDelay().toMillis(), first << Math.min(attempt - 1, 30));
        double jitter = 1 + ThreadLocalRandom.current().nextDouble(-JITTER, JITTER);
        return Duration.ofMillis(Math.max(1, (long) (capped * jitter)));
    }

    @Override
    public void destroy() {
        senders.shutdownNow();
    }

    /** One notification taken for sending, with what its send and its log entry need. */
    private record Claim(String notificationId, String transferId, String unit, boolean urgent, int attempt, byte[] body,
            TransferFacts facts, String sealedSha256) {
    }

    /**
     * A partner's duty notification: an urgent transfer for it has been accepted and is being delivered ahead of
     * routine ones ({@code channel}: {@code https}, {@code jms} or {@code mailbox}). Ids and metadata only.
     */
    record DutyNotice(String notificationId, String event, String transferId, String partner, String sender,
            String recordType, String channel, String acceptedAt) {
    }

    /** The notification's body: ids and metadata only, never the record. */
    record InboxNotice(String notificationId, String event, String transferId, String unit, String sender, String recordType,
            String direction, String availableAt, String link) {
    }
}
