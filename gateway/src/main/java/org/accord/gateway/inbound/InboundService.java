package org.accord.gateway.inbound;

import java.time.Clock;
import java.util.Optional;
import java.util.regex.Pattern;

import org.accord.gateway.audit.Ids;
import org.accord.gateway.agreement.Organisation;
import org.accord.gateway.audit.LogEntry;
import org.accord.gateway.audit.LogEvent;
import org.accord.gateway.audit.LogOutcome;
import org.accord.gateway.audit.TransferFacts;
import org.accord.gateway.audit.TransferLog;
import org.accord.gateway.crypto.Fingerprints;
import org.accord.gateway.outbound.OutboundFlow;
import org.accord.gateway.outbound.Submission;
import org.accord.gateway.outbound.SubmissionOutcome;
import org.accord.gateway.transfer.ReplayGuard;
import org.accord.gateway.transfer.Transfer;
import org.accord.gateway.transfer.TransferRepository;
import org.accord.gateway.web.ProblemCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Takes a sealed message a partner handed to this gateway, whatever the channel (HTTPS or the inbound queue),
 * through one ordered chain of checks, each failing with a stable code that is logged: size, opening (decrypt,
 * signer a partner the directory knows), the signer is the organisation the channel authenticated, the content
 * is a message naming that sender, a repeat of a transfer id already received is dropped and answered with the
 * original receipt, and then the same flow as any record (schema, agreement, minimisation, the receiving unit's
 * mailbox). An accepted message gets this gateway's signed receipt, kept for repeats.
 *
 * <p>The transfer id is admitted once before the flow; if the flow refuses the record, or fails before a transfer
 * exists, the id is released so that nothing of the message is kept. The transfer carries the idempotency key
 * {@code inbound:<partner transfer id>}, so one message can never become two transfers, and a repeat that finds
 * a transfer without a receipt (the gateway stopped in between) gets its receipt then.
 */
@Service
public class InboundService {

    /** The largest sealed message accepted. */
    public static final int MAX_BYTES = 1024 * 1024;

    private static final Logger log = LoggerFactory.getLogger(InboundService.class);
    private static final Pattern TRANSFER_ID = Pattern.compile("[\\x21-\\x7e]{1,190}");
    private static final String IDEMPOTENCY_PREFIX = "inbound:";

    private final InboundOpener opener;
    private final InboundReceipts receipts;
    private final OutboundFlow flow;
    private final TransferRepository transfers;
    private final ReplayGuard replayGuard;
    private final TransferLog transferLog;
    private final JsonMapper json;
    private final Clock clock;

    InboundService(InboundOpener opener, InboundReceipts receipts, OutboundFlow flow, TransferRepository transfers,
            ReplayGuard replayGuard, TransferLog transferLog, JsonMapper json, Clock clock) {
        this.opener = opener;
        this.receipts = receipts;
        this.flow = flow;
        this.transfers = transfers;
        this.replayGuard = replayGuard;
        this.transferLog = transferLog;
        this.json = json;
        this.clock = clock;
    }

    public InboundResult receive(byte[] der, InboundSource source) {
        if (der.length > MAX_BYTES) {
            return reject(source, ProblemCode.PAYLOAD_TOO_LARGE, "PAYLOAD_TOO_LARGE", "A sealed message may be at most " + MAX_BYTES + " bytes.");
        }
        InboundOpening opening = opener.verify(der);
        if (opening instanceof InboundOpening.Refused refused) {
            return reject(source, ProblemCode.INBOUND_REJECTED, refused.code(), "The sealed message could not be accepted.");
        }
        InboundOpening.Opened opened = (InboundOpening.Opened) opening;
        if (source.organisation() != null && !opened.sender().equals(Organisation.organisationOf(source.organisation()))) {
            return reject(source, ProblemCode.INBOUND_REJECTED, "SENDER_MISMATCH",
                    "The message is signed by another organisation than the one the caller proved to be.");
        }
        JsonNode message = parse(opened.message().content());
        if (message == null) {
            return reject(source, ProblemCode.INBOUND_REJECTED, "CONTENT_INVALID",
                    "The message must be JSON carrying sender, recipient, recordType, purpose and record.");
        }
        String sender = text(message, "sender");
        if (!opened.sender().equals(sender) && !opened.sender().equals(Organisation.organisationOf(sender))) {
            return reject(source, ProblemCode.INBOUND_REJECTED, "SENDER_MISMATCH", "The message names another sender than its signer.");
        }
        String partnerTransferId = opened.message().transferId();
        if (!TRANSFER_ID.matcher(partnerTransferId).matches()) {
            return reject(source, ProblemCode.INBOUND_REJECTED, "TRANSFER_ID_INVALID",
                    "The transfer id must be 1 to 190 visible ASCII characters.");
        }
        Optional<InboundReceipt> earlier = receipts.find(partnerTransferId);
        if (earlier.isPresent()) {
            return repeat(earlier.get(), opened.sender(), source);
        }
        if (!opener.admit(opened, der)) {
            return repeatWithoutReceipt(partnerTransferId, sender, opened.sender(), der, source);
        }
        return submit(der, opened, message, source);
    }

    private InboundResult submit(byte[] der, InboundOpening.Opened opened, JsonNode message, InboundSource source) {
        String partnerTransferId = opened.message().transferId();
        String sender = text(message, "sender");
        Submission submission = new Submission(Ids.next(), sender, source.actor(), text(message, "recordType"),
                message.path("schemaVersion").asInt(1), text(message, "recipient"), text(message, "purpose"), message.get("record"),
                IDEMPOTENCY_PREFIX + partnerTransferId, Fingerprints.sha256Hex(der), clock.instant(), text(message, "inReplyTo"),
                partnerTransferId);
        SubmissionOutcome outcome;
        try {
            outcome = flow.submit(submission);
        } catch (RuntimeException e) {
            if (transfers.findBySenderAndIdempotencyKey(sender, IDEMPOTENCY_PREFIX + partnerTransferId).isEmpty()) {
                replayGuard.release(partnerTransferId);
            }
            throw e;
        }
        if (outcome instanceof SubmissionOutcome.Refused refused) {
            replayGuard.release(partnerTransferId);
            log.info("Inbound message refused by the flow code={} transfer={} partnerTransfer={} channel={}",
                    refused.code(), refused.transferId(), partnerTransferId, source.channel());
            return new InboundResult.Refused(refused);
        }
        SubmissionOutcome.Accepted accepted = (SubmissionOutcome.Accepted) outcome;
        InboundReceipt receipt = issue(partnerTransferId, opened.sender(), Fingerprints.sha256Hex(der), accepted.transferId());
        log.info("Inbound message accepted transfer={} partnerTransfer={} sender={} channel={}", accepted.transferId(),
                partnerTransferId, opened.sender(), source.channel());
        return new InboundResult.Accepted(accepted.transferId(), accepted.status(), partnerTransferId, receipt.content());
    }

    private InboundResult repeat(InboundReceipt receipt, String signer, InboundSource source) {
        if (!receipt.sender().equals(signer)) {
            return reject(source, ProblemCode.INBOUND_REJECTED, ReplayGuard.DUPLICATE, "This transfer id was received from another partner.");
        }
        logRepeat(receipt, source);
        return new InboundResult.AlreadyReceived(receipt.transferId(), receipt.partnerTransferId(), receipt.content());
    }

    /**
     * The transfer id was admitted before but has no receipt yet: either the gateway stopped between storing the
     * transfer and its receipt (the receipt is issued now) or the first delivery is still in the flow.
     */
    private InboundResult repeatWithoutReceipt(String partnerTransferId, String sender, String signer, byte[] der, InboundSource source) {
        Optional<Transfer> transfer = transfers.findBySenderAndIdempotencyKey(sender, IDEMPOTENCY_PREFIX + partnerTransferId);
        if (transfer.isPresent()) {
            InboundReceipt receipt = issue(partnerTransferId, signer, Fingerprints.sha256Hex(der), transfer.get().id());
            return repeat(receipt, signer, source);
        }
        log.warn("Inbound message repeated while the first is in progress code={} partnerTransfer={} sender={} channel={}",
                ReplayGuard.DUPLICATE, partnerTransferId, signer, source.channel());
        transferLog.appendAlone(new LogEntry(null, LogEvent.REPEAT_DROPPED, LogOutcome.OK, ReplayGuard.DUPLICATE, source.actor(),
                TransferFacts.of(signer, null, null, null, null), null,
                "inbound via " + channel(source) + ": partner transfer " + partnerTransferId + " repeated while the first is in progress"));
        return new InboundResult.AlreadyReceived(null, partnerTransferId, null);
    }

    private InboundReceipt issue(String partnerTransferId, String sender, String sealedSha256, String transferId) {
        try {
            return receipts.issue(partnerTransferId, sender, sealedSha256, transferId);
        } catch (InboundReceipts.ConcurrentReceiptException e) {
            return receipts.find(partnerTransferId).orElseThrow(() -> e);
        }
    }

    private void logRepeat(InboundReceipt receipt, InboundSource source) {
        log.warn("Inbound message repeated code=ALREADY_RECEIVED transfer={} partnerTransfer={} sender={} channel={}",
                receipt.transferId(), receipt.partnerTransferId(), receipt.sender(), source.channel());
        TransferFacts facts = transfers.findById(receipt.transferId()).map(Transfer::facts)
                .orElse(TransferFacts.of(receipt.sender(), null, null, null, null));
        transferLog.appendAlone(new LogEntry(receipt.transferId(), LogEvent.REPEAT_DROPPED, LogOutcome.OK, "ALREADY_RECEIVED",
                source.actor(), facts, null, "inbound via " + channel(source) + ": partner transfer " + receipt.partnerTransferId()
                        + " received again; answered with the original receipt").withReceipt(receipt.receiptSha256()));
    }

    /** Logs a message refused before it could be read (wrong media type, say) and returns the refusal. */
    InboundResult.Rejected reject(InboundSource source, ProblemCode problem, String code, String detail) {
        String refusalId = Ids.next();
        log.info("Inbound message rejected code={} refusal={} channel={} actor={}", code, refusalId, source.channel(), source.actor());
        transferLog.appendAlone(LogEntry.refusal(refusalId, code, source.actor(),
                TransferFacts.of(source.organisation(), null, null, null, null), "inbound via " + channel(source) + ": " + detail));
        return new InboundResult.Rejected(problem, code, detail, refusalId);
    }

    private JsonNode parse(byte[] content) {
        try {
            JsonNode message = json.readTree(content);
            if (message == null || !message.isObject() || !message.path("record").isObject() || text(message, "recordType") == null
                    || text(message, "recipient") == null || text(message, "purpose") == null || text(message, "sender") == null) {
                return null;
            }
            return message;
        } catch (JacksonException e) {
            return null;
        }
    }

    private static String channel(InboundSource source) {
        return source.channel().name().toLowerCase(java.util.Locale.ROOT);
    }

    private static String text(JsonNode node, String name) {
        JsonNode value = node.get(name);
        return value == null || !value.isString() ? null : value.asString();
    }
}
