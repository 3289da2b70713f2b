package org.accord.gateway.outbound;

import java.util.List;

import org.accord.gateway.audit.LogEntry;
import org.accord.gateway.audit.SubjectReferences;
import org.accord.gateway.audit.TransferFacts;
import org.accord.gateway.audit.TransferLog;
import org.accord.gateway.metrics.TransferMetrics;
import org.accord.gateway.transfer.GroupCommit;
import org.springframework.stereotype.Component;

/**
 * Logs a refusal in the transfer log before the caller is answered, committed with other submits' work by
 * {@link GroupCommit} (a flood of refused submits must not cost a commit each).
 */
@Component
final class RefusalRecorder {

    private final TransferLog transferLog;
    private final TransferMetrics metrics;
    private final SubjectReferences subjects;
    private final GroupCommit groupCommit;

    RefusalRecorder(TransferLog transferLog, TransferMetrics metrics, SubjectReferences subjects, GroupCommit groupCommit) {
        this.groupCommit = groupCommit;
        this.transferLog = transferLog;
        this.metrics = metrics;
        this.subjects = subjects;
    }

    SubmissionOutcome.Refused record(Refusal refusal) {
        Submission s = refusal.submission();
        TransferFacts facts = TransferFacts.of(s.sender(), s.recipient(), s.recordType(), s.schemaVersion(), s.purpose());
        if (refusal.agreement() != null) {
            facts = facts.withAgreement(refusal.agreement().id(), refusal.agreement().version(), refusal.agreement().sha256());
        }
        SubmissionOutcome.Refused outcome = refusal.outcome();
        LogEntry entry = LogEntry.refusal(s.transferId(), outcome.code(), s.clientId(), facts, outcome.reason());
        List<String> refs = subjects.referencesFor(s.recordType(), s.record());
        groupCommit.run(() -> {
            transferLog.append(entry);
            subjects.record(s.transferId(), refs);
            return null;
        });
        metrics.refused(outcome.code(), refusal.agreement() == null ? null : refusal.agreement().id());
        return outcome;
    }
}
