package org.accord.gateway.inbound;

import java.time.Clock;
import java.util.Optional;

import org.accord.gateway.audit.LogEntry;
import org.accord.gateway.audit.LogEvent;
import org.accord.gateway.audit.LogOutcome;
import org.accord.gateway.audit.TransferFacts;
import org.accord.gateway.audit.TransferLog;
import org.accord.gateway.crypto.Fingerprints;
import org.accord.gateway.crypto.ReceiptContent;
import org.accord.gateway.crypto.ReceiptSigner;
import org.accord.gateway.partner.KeyMaterialConfiguration.GatewayCredential;
import org.accord.gateway.transfer.Transfer;
import org.accord.gateway.transfer.TransferRepository;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issues this gateway's signed receipt for a message a partner pushed to it and keeps it: a CMS SignedData
 * made with the gateway's signing key over {@code {"transferId","sealedSha256","receivedAt"}} (the partner's
 * transfer id and the SHA-256 of the message as received), the same shape partners use for their receipts,
 * so {@code accord-partner verify} and {@code openssl cms -verify} check it. One receipt per partner
 * transfer id: issuing again returns the one already kept.
 */
@Service
class InboundReceipts {

    private final InboundReceiptRepository receipts;
    private final TransferRepository transfers;
    private final TransferLog transferLog;
    private final ReceiptSigner signer;
    private final Clock clock;

    InboundReceipts(InboundReceiptRepository receipts, TransferRepository transfers, TransferLog transferLog,
            GatewayCredential credential, Clock clock) {
        this.receipts = receipts;
        this.transfers = transfers;
        this.transferLog = transferLog;
        this.signer = new ReceiptSigner(credential.signingKey(), credential.chain(), clock);
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Optional<InboundReceipt> find(String partnerTransferId) {
        return receipts.findById(partnerTransferId);
    }

    /**
     * Signs and stores the receipt for a message that became transfer {@code transferId}, unless one exists, and logs
     * {@code RECEIPT_ISSUED} with its digest in the same transaction.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public InboundReceipt issue(String partnerTransferId, String sender, String sealedSha256, String transferId) {
        Optional<InboundReceipt> existing = receipts.findById(partnerTransferId);
        if (existing.isPresent()) {
            return existing.get();
        }
        byte[] der = signer.sign(new ReceiptContent(partnerTransferId, sealedSha256, clock.instant()));
        InboundReceipt receipt;
        try {
            receipt = receipts.saveAndFlush(new InboundReceipt(partnerTransferId, sender, transferId, sealedSha256, der,
                    Fingerprints.sha256Hex(der), clock.instant()));
        } catch (DataIntegrityViolationException e) {
            throw new ConcurrentReceiptException(partnerTransferId, e);
        }
        TransferFacts facts = transfers.findById(transferId).map(Transfer::facts).orElseThrow();
        transferLog.append(new LogEntry(transferId, LogEvent.RECEIPT_ISSUED, LogOutcome.OK, null, "gateway", facts, null,
                "receipt for partner transfer " + partnerTransferId).withReceipt(receipt.receiptSha256()));
        return receipt;
    }

    /** Two requests issued a receipt for one partner transfer id at once; the other one's is kept. */
    static final class ConcurrentReceiptException extends RuntimeException {
        ConcurrentReceiptException(String partnerTransferId, Throwable cause) {
            super("Receipt for partner transfer " + partnerTransferId + " issued concurrently", cause);
        }
    }
}
