package org.accord.gateway.outbound;

import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;

import org.accord.gateway.agreement.AgreementRef;
import org.accord.gateway.agreement.ChannelKind;
import org.accord.gateway.agreement.Direction;
import org.accord.gateway.audit.LogEntry;
import org.accord.gateway.audit.LogEvent;
import org.accord.gateway.audit.SubjectReferences;
import org.accord.gateway.audit.TransferFacts;
import org.accord.gateway.audit.TransferLog;
import org.accord.gateway.delivery.MailboxDelivery;
import org.accord.gateway.metrics.TransferMetrics;
import org.accord.gateway.redaction.MinimisedRecord;
import org.accord.gateway.transfer.GroupCommit;
import org.accord.gateway.transfer.Transfer;
import org.accord.gateway.transfer.TransferDraft;
import org.accord.gateway.transfer.TransferInserts;
import org.accord.gateway.transfer.TransferRepository;
import org.accord.gateway.transfer.TransferStatus;
import org.accord.gateway.transfer.TransferUrgent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Commits a sealed transfer, its sealed message and its log entries in one transaction, shared with other
 * submits by {@link GroupCommit}: after {@link #store} returns, the transfer survives a crash. A transfer for
 * the mailbox channel is made available in that same transaction (the mailbox is itself the durable queue its
 * recipient pulls from); a pushed transfer is handed to the delivery queue next and moves on from SEALED.
 */
@Service
class TransferStore {

    /** The detail of an urgent transfer's {@code RECEIVED} log entry. */
    static final String URGENT_DETAIL = "urgent";

    /** The detail of an {@code EMERGENCY_DISCLOSURE} log entry: the basis and the authorising officer. */
    static final String EMERGENCY_DETAIL = "basis %s; authorised by %s";

    private final TransferRepository transfers;
    private final TransferInserts newTransfers;
    private final TransferLog transferLog;
    private final MailboxDelivery mailbox;
    private final GroupCommit groupCommit;
    private final RecipientBacklog backlog;
    private final TransferMetrics metrics;
    private final SubjectReferences subjects;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    TransferStore(TransferRepository transfers, TransferInserts newTransfers, TransferLog transferLog,
            MailboxDelivery mailbox, GroupCommit groupCommit, RecipientBacklog backlog, TransferMetrics metrics,
            SubjectReferences subjects, Clock clock, ApplicationEventPublisher events) {
        this.events = events;
        this.transfers = transfers;
        this.newTransfers = newTransfers;
        this.transferLog = transferLog;
        this.mailbox = mailbox;
        this.groupCommit = groupCommit;
        this.backlog = backlog;
        this.metrics = metrics;
        this.subjects = subjects;
        this.clock = clock;
    }

    /** @return the committed transfer: available in the mailbox, or sealed and waiting for the hand-over */
    public Stored store(OutboundTransfer t) {
        Submission s = t.submission();
        AgreementRef agreement = t.permit().agreement();
        // Records arriving at or moving within this institution go to the receiving unit's mailbox (its inbox).
        boolean pushed = t.direction() == Direction.OUTBOUND && t.permit().channel().kind() != ChannelKind.MAILBOX;
        String channel = t.direction() == Direction.OUTBOUND ? t.permit().channel().kind().code() : ChannelKind.MAILBOX.code();
        TransferDraft draft = new TransferDraft(s.transferId(), s.sender(), s.recipient(), s.recordType(), s.schemaVersion(),
                s.purpose(), t.direction().code(), agreement.id(), agreement.version(), agreement.sha256(), channel,
                t.direction() == Direction.OUTBOUND ? t.permit().channel().address() : null, t.sealed().sha256Hex(),
                t.sealed().signerCertificateSha256(), t.sealed().der().length, s.idempotencyKey(), s.requestSha256());
        List<String> subjectRefs = subjects.referencesFor(s.recordType(), s.record());
        TransferStatus status = groupCommit.run(() -> write(t, draft, subjectRefs, pushed));
        backlog.accepted(s.recipient());
        metrics.accepted(agreement.id());
        if (!pushed) {
            metrics.delivery(MailboxDelivery.MAILBOX, "available");
        }
        return new Stored(s.transferId(), status, t.urgent());
    }

    private TransferStatus write(OutboundTransfer t, TransferDraft draft, List<String> subjectRefs, boolean pushed) {
        Submission s = t.submission();
        draft = draft.replying(s.inReplyTo(), s.partnerTransferId());
        MinimisedRecord minimised = t.minimised();
        Transfer transfer = new Transfer(draft, clock.instant());
        if (t.urgent()) {
            transfer.markUrgent();
        }
        if (!pushed) {
            // Stored as available, rather than inserted and then updated in the same commit.
            transfer.moveTo(TransferStatus.AVAILABLE, transfer.createdAt());
            if (t.permit().collectWithin() != null) {
                transfer.collectBy(transfer.createdAt().atZone(java.time.ZoneOffset.UTC).plus(t.permit().collectWithin()).toInstant());
            }
        }
        newTransfers.insert(transfer, t.sealed().der());
        TransferFacts facts = transfer.facts();
        subjects.record(s.transferId(), subjectRefs);
        LogEntry received = LogEntry.step(s.transferId(), LogEvent.RECEIVED, s.clientId(), facts, null);
        transferLog.append(t.urgent() ? received.withDetail(URGENT_DETAIL) : received);
        List<String> transformed = minimised.transformed().stream().map(f -> f.path() + " (" + f.rule() + ")").toList();
        transferLog.append(LogEntry.step(s.transferId(), LogEvent.SEALED, "gateway",
                facts.withFields(minimised.shared(), transformed, minimised.withheld()), t.sealed().sha256Hex())
                .withSigner(t.sealed().signerCertificateSha256()));
        if (!pushed) {
            mailbox.announceAvailable(transfer);
        }
        if (t.emergency() != null) {
            EmergencyDisclosure e = t.emergency();
            transferLog.append(LogEntry.step(s.transferId(), LogEvent.EMERGENCY_DISCLOSURE, s.clientId(),
                    facts.withFields(minimised.shared(), transformed, minimised.withheld()), t.sealed().sha256Hex())
                    .withDetail(EMERGENCY_DETAIL.formatted(e.basis(), e.authorisedBy())));
            events.publishEvent(new EmergencyDisclosure.Disclosed(s.transferId(), s.sender(), s.recipient(), s.recordType(),
                    s.schemaVersion(), s.purpose(), s.clientId(), e.basis(), e.authorisedBy(), e.scrubbedRisk(),
                    Stream.concat(minimised.shared().stream(), transformed.stream()).toList(),
                    transfer.createdAt()));
        }
        if (t.urgent()) {
            events.publishEvent(new TransferUrgent(s.transferId(), s.recipient()));
        }
        return transfer.status();
    }

    /** Records the hand-over to the delivery queue; the status moves on only if delivery has not already. */
    public SubmissionOutcome.Accepted markQueued(String transferId) {
        groupCommit.run(() -> {
            Transfer transfer = transfers.findById(transferId).orElseThrow();
            transfers.advance(transferId, TransferStatus.SEALED, TransferStatus.QUEUED, clock.instant());
            transferLog.append(LogEntry.step(transferId, LogEvent.QUEUED, "gateway", transfer.facts(), transfer.sealedSha256()));
            return null;
        });
        return new SubmissionOutcome.Accepted(transferId, TransferStatus.QUEUED.name(), false);
    }

    /** A committed transfer and the status it was committed in. */
    record Stored(String transferId, TransferStatus status, boolean urgent) {

        boolean awaitsHandover() {
            return status == TransferStatus.SEALED;
        }

        SubmissionOutcome.Accepted accepted() {
            return new SubmissionOutcome.Accepted(transferId, status.name(), false);
        }
    }
}
