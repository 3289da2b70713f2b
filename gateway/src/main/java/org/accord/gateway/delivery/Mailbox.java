package org.accord.gateway.delivery;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.accord.gateway.audit.LogEntry;
import org.accord.gateway.audit.LogEvent;
import org.accord.gateway.audit.LogOutcome;
import org.accord.gateway.audit.TransferLog;
import org.accord.gateway.crypto.ReceiptRejectedException;
import org.accord.gateway.crypto.ReceiptVerifier;
import org.accord.gateway.crypto.VerifiedReceipt;
import org.accord.gateway.partner.PartnerDirectory;
import org.accord.gateway.transfer.StoredMessage;
import org.accord.gateway.transfer.StoredMessageRepository;
import org.accord.gateway.transfer.Transfer;
import org.accord.gateway.transfer.TransferReceipt;
import org.accord.gateway.transfer.TransferReceiptRepository;
import org.accord.gateway.transfer.TransferRepository;
import org.accord.gateway.transfer.TransferStatus;
import org.accord.gateway.web.ApiProblemException;
import org.accord.gateway.web.ProblemCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A partner's mailbox: the sealed messages addressed to it that it has not yet acknowledged. A partner only
 * ever sees its own messages; another partner's message is answered as not found. An acknowledgement may
 * carry the partner's signed receipt, which is verified and kept with the transfer as evidence; a receipt
 * that fails verification refuses the acknowledgement ({@code RECEIPT_INVALID} with a reason). The
 * {@link Box#INBOX inbox} is the same mailbox seen by a unit of this institution: only the records that
 * arrived at it (inbound) or came from another of its units (internal).
 */
@Service
public class Mailbox {

    /** How many messages a listing page holds when the caller does not say. */
    public static final int DEFAULT_LIMIT = 100;

    /** The most messages a listing page holds. */
    public static final int MAX_LIMIT = 1000;

    /** The reason given when {@code accord.mailbox.require-receipt} is on and an acknowledgement has no receipt. */
    public static final String RECEIPT_MISSING = "RECEIPT_MISSING";

    private static final Logger log = LoggerFactory.getLogger(Mailbox.class);

    private static final Set<TransferStatus> WAITING = EnumSet.of(TransferStatus.AVAILABLE, TransferStatus.DOWNLOADED);

    private final TransferRepository transfers;
    private final StoredMessageRepository messages;
    private final TransferReceiptRepository receipts;
    private final TransferLog transferLog;
    private final PartnerDirectory partners;
    private final MailboxProperties properties;
    private final ReceiptVerifier receiptVerifier;
    private final Clock clock;

    public Mailbox(TransferRepository transfers, StoredMessageRepository messages, TransferReceiptRepository receipts,
            TransferLog transferLog, PartnerDirectory partners, MailboxProperties properties, Clock clock) {
        this.transfers = transfers;
        this.messages = messages;
        this.receipts = receipts;
        this.transferLog = transferLog;
        this.partners = partners;
        this.properties = properties;
        this.receiptVerifier = new ReceiptVerifier(clock);
        this.clock = clock;
    }

    /** Which of a recipient's messages a view shows. */
    public enum Box {
        /** Every message addressed to the caller. */
        MAILBOX(Set.of("outbound", "inbound", "internal")),
        /** Messages that arrived at the caller's institution or came from another of its units. */
        INBOX(Set.of("inbound", "internal"));

        private final Set<String> directions;

        Box(Set<String> directions) {
            this.directions = directions;
        }

        boolean holds(Transfer transfer) {
            return directions.contains(transfer.direction());
        }
    }

    /**
     * One page of what waits for {@code organisation} in {@code box}, urgent transfers first, each part oldest first
     * (by when the gateway made the transfer, then by id): at most {@code limit} messages after {@code after} (null for the first page). Keyset
     * paging, so a message acknowledged between two pages moves no other message from one page to another.
     *
     * @throws ApiProblemException {@code INVALID_PARAMETER} when {@code limit} is not 1 to {@link #MAX_LIMIT}
     */
    @Transactional(readOnly = true)
    public Listing waitingFor(String organisation, Box box, ListingCursor after, int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new ApiProblemException(ProblemCode.INVALID_PARAMETER, "limit must be between 1 and " + MAX_LIMIT + ".");
        }
        Limit oneMore = Limit.of(limit + 1);
        List<Transfer> found;
        if (after == null) {
            found = transfers.findForRecipient(organisation, WAITING, box.directions, oneMore);
        }
        else {
            found = new ArrayList<>(transfers.findForRecipientAfter(organisation, WAITING, box.directions, after.urgent(),
                    after.createdAt(), after.transferId(), oneMore));
            if (after.urgent() && found.size() <= limit) {
                found.addAll(transfers.findForRecipientByUrgency(organisation, WAITING, box.directions, false,
                        Limit.of(limit + 1 - found.size())));
            }
        }
        long waiting = transfers.countForRecipient(organisation, WAITING, box.directions);
        if (found.size() <= limit) {
            return new Listing(found, waiting, null);
        }
        List<Transfer> page = found.subList(0, limit);
        return new Listing(List.copyOf(page), waiting, ListingCursor.after(page.get(limit - 1)));
    }

    @Transactional
    public SealedDownload download(String organisation, String clientId, String transferId) {
        return download(organisation, clientId, transferId, Box.MAILBOX);
    }

    @Transactional
    public SealedDownload download(String organisation, String clientId, String transferId, Box box) {
        Transfer transfer = waiting(organisation, transferId, box);
        StoredMessage message = messages.findById(transferId)
                .orElseThrow(() -> new IllegalStateException("Sealed message missing for transfer " + transferId));
        if (transfer.status() == TransferStatus.AVAILABLE) {
            transfer.moveTo(TransferStatus.DOWNLOADED, clock.instant());
        }
        transferLog.append(LogEntry.step(transferId, LogEvent.DOWNLOADED, clientId, transfer.facts(),
                transfer.sealedSha256()));
        return new SealedDownload(transferId, message.content(), transfer.sealedSha256());
    }

    /**
     * Acknowledges a message, with or without a signed receipt ({@code null} or empty for none).
     *
     * @throws ApiProblemException {@code RECEIPT_INVALID} (the acknowledgement does not happen) when the receipt
     *         fails verification, or when none is given and one is required
     */
    @Transactional
    public Transfer acknowledge(String organisation, String clientId, String transferId, byte[] receipt) {
        return acknowledge(organisation, clientId, transferId, receipt, Box.MAILBOX);
    }

    /** As {@link #acknowledge(String, String, String, byte[])}, for a message in {@code box}. */
    @Transactional
    public Transfer acknowledge(String organisation, String clientId, String transferId, byte[] receipt, Box box) {
        Transfer transfer = transfers.findByIdLocked(transferId).filter(t -> t.recipient().equals(organisation) && box.holds(t))
                .orElseThrow(() -> new ApiProblemException(ProblemCode.NOT_FOUND, "No such message in this mailbox."));
        if (transfer.status() == TransferStatus.EXPIRED) {
            throw purged(transferId);
        }
        if (transfer.status() == TransferStatus.ACKNOWLEDGED) {
            return transfer;
        }
        if (!WAITING.contains(transfer.status())) {
            throw new ApiProblemException(ProblemCode.CONFLICT, "The message is not available for acknowledgement.");
        }
        LogEntry acknowledged = LogEntry.step(transferId, LogEvent.ACKNOWLEDGED, clientId, transfer.facts(),
                transfer.sealedSha256());
        if (receipt == null || receipt.length == 0) {
            if (properties.requireReceipt()) {
                throw refuse(transfer, clientId, RECEIPT_MISSING);
            }
            acknowledged = acknowledged.withDetail("acknowledged without receipt");
        } else {
            VerifiedReceipt verified = verify(transfer, clientId, receipt);
            receipts.save(new TransferReceipt(transferId, verified.der(), verified.sha256Hex(), verified.signerSha256(),
                    verified.signerSubject(), verified.signingTime(), verified.content().receivedAt(), clock.instant()));
            acknowledged = acknowledged.withReceipt(verified.sha256Hex()).withSigner(verified.signerSha256())
                    .withDetail("acknowledged with signed receipt");
        }
        transfer.moveTo(TransferStatus.ACKNOWLEDGED, clock.instant());
        transferLog.append(acknowledged);
        return transfer;
    }

    private VerifiedReceipt verify(Transfer transfer, String clientId, byte[] receipt) {
        String partner = transfer.recipient().split("/", 2)[0];
        try {
            return receiptVerifier.verify(receipt, transfer.id(), transfer.sealedSha256(), partners.trustAnchors(),
                    partners.signatureCertificates(partner));
        } catch (ReceiptRejectedException e) {
            log.debug("Receipt verification failure for transfer={}", transfer.id(), e);
            throw refuse(transfer, clientId, e.reason().name());
        }
    }

    private ApiProblemException refuse(Transfer transfer, String clientId, String reason) {
        transferLog.appendAlone(new LogEntry(transfer.id(), LogEvent.RECEIPT_REFUSED, LogOutcome.REFUSED, reason, clientId,
                transfer.facts(), transfer.sealedSha256(), "acknowledgement refused: signed receipt not accepted"));
        return new ApiProblemException(ProblemCode.RECEIPT_INVALID,
                "The signed receipt was not accepted; the message stays in the mailbox.", Map.of("reason", reason));
    }

    /**
     * The caller's message, its row locked until the transaction ends so that a retention purge waits for it (or it
     * for the purge). One whose sealed copy retention deleted answers {@code 410 PURGED}, as one no longer waiting
     * would otherwise answer not found.
     */
    private Transfer waiting(String organisation, String transferId, Box box) {
        Transfer transfer = transfers.findByIdLocked(transferId).filter(t -> t.recipient().equals(organisation) && box.holds(t))
                .orElseThrow(() -> new ApiProblemException(ProblemCode.NOT_FOUND, "No such message in this mailbox."));
        if (transfer.purged()) {
            throw purged(transferId);
        }
        if (!WAITING.contains(transfer.status())) {
            throw new ApiProblemException(ProblemCode.NOT_FOUND, "No such message in this mailbox.");
        }
        return transfer;
    }

    private static ApiProblemException purged(String transferId) {
        log.info("Download or acknowledgement of transfer={} refused code=PURGED", transferId);
        return new ApiProblemException(ProblemCode.PURGED,
                "The sealed message was deleted under the retention rules; the transfer and its log entries remain.");
    }

    /**
     * A page of a box.
     *
     * @param messages the page, in listing order
     * @param waiting how many messages wait in the box in all
     * @param next where the next page starts; null on the last page
     */
    public record Listing(List<Transfer> messages, long waiting, ListingCursor next) {
    }

    /** A sealed message as handed to its recipient. */
    public record SealedDownload(String transferId, byte[] der, String sha256) {
    }
}
