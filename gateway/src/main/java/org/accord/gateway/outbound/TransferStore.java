package org.accord.gateway.outbound;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.accord.gateway.agreement.AgreementRef;
import org.accord.gateway.agreement.ChannelKind;
import org.accord.gateway.agreement.Direction;
import org.accord.gateway.audit.LogEntry;
import org.accord.gateway.audit.LogEvent;
import org.accord.gateway.audit.SubjectReferences;
import org.accord.gateway.audit.TransferFacts;
import org.accord.gateway.audit.TransferLog;
import org.accord.gateway.metrics.TransferMetrics;
import org.accord.gateway.redaction.MinimisedRecord;
import org.accord.gateway.transfer.StoredMessage;
import org.accord.gateway.transfer.StoredMessageRepository;
import org.accord.gateway.transfer.Transfer;
import org.accord.gateway.transfer.TransferDraft;
import org.accord.gateway.transfer.TransferRepository;
import org.accord.gateway.transfer.TransferStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Commits a sealed transfer, its sealed message and its log entries in one transaction: after
 * {@link #store} returns, the transfer survives a crash. Later steps only move its status on.
 */
@Service
class TransferStore {

    private final TransferRepository transfers;
    private final StoredMessageRepository messages;
    private final TransferLog transferLog;
    private final TransferMetrics metrics;
    private final SubjectReferences subjects;
    private final Clock clock;

    TransferStore(TransferRepository transfers, StoredMessageRepository messages, TransferLog transferLog,
            TransferMetrics metrics, SubjectReferences subjects, Clock clock) {
        this.transfers = transfers;
        this.messages = messages;
        this.transferLog = transferLog;
        this.metrics = metrics;
        this.subjects = subjects;
        this.clock = clock;
    }

    /** @return the transfer id, for the hand-over to delivery */
    @Transactional
    public String store(OutboundTransfer t) {
        Submission s = t.submission();
        AgreementRef agreement = t.permit().agreement();
        // Records arriving at or moving within this institution go to the receiving unit's mailbox (its inbox).
        boolean pushed = t.direction() == Direction.OUTBOUND;
        String channel = pushed ? t.permit().channel().kind().code() : ChannelKind.MAILBOX.code();
        TransferDraft draft = new TransferDraft(s.transferId(), s.sender(), s.recipient(), s.recordType(), s.schemaVersion(),
                s.purpose(), t.direction().code(), agreement.id(), agreement.version(), agreement.sha256(), channel,
                pushed ? t.permit().channel().address() : null, t.sealed().sha256Hex(), t.sealed().signerCertificateSha256(),
                t.sealed().der().length, s.idempotencyKey(), s.requestSha256());
        Instant now = clock.instant();
        TransferFacts facts = transfers.save(new Transfer(draft, now)).facts();
        messages.save(new StoredMessage(s.transferId(), t.sealed().der()));
        MinimisedRecord minimised = t.minimised();
        transferLog.append(LogEntry.step(s.transferId(), LogEvent.RECEIVED, s.clientId(), facts, null));
        List<String> transformed = minimised.transformed().stream().map(f -> f.path() + " (" + f.rule() + ")").toList();
        transferLog.append(LogEntry.step(s.transferId(), LogEvent.SEALED, "gateway",
                facts.withFields(minimised.shared(), transformed, minimised.withheld()), t.sealed().sha256Hex())
                .withSigner(t.sealed().signerCertificateSha256()));
        subjects.record(s.transferId(), subjects.referencesFor(s.recordType(), s.record()));
        metrics.accepted(agreement.id());
        return s.transferId();
    }

    /** Records the hand-over to the delivery queue; the status moves on only if delivery has not already. */
    @Transactional
    public SubmissionOutcome.Accepted markQueued(String transferId) {
        Transfer transfer = transfers.findById(transferId).orElseThrow();
        transfers.advance(transferId, TransferStatus.SEALED, TransferStatus.QUEUED, clock.instant());
        transferLog.append(LogEntry.step(transferId, LogEvent.QUEUED, "gateway", transfer.facts(), transfer.sealedSha256()));
        return new SubmissionOutcome.Accepted(transferId, TransferStatus.QUEUED.name(), false);
    }

    /** The transfer is committed but the queue was unavailable; the delivery relay will queue it. */
    public SubmissionOutcome.Accepted acceptedPendingHandover(String transferId) {
        return new SubmissionOutcome.Accepted(transferId, TransferStatus.SEALED.name(), false);
    }

}
