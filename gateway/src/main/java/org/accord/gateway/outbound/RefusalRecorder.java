package org.accord.gateway.outbound;

import org.accord.gateway.audit.LogEntry;
import org.accord.gateway.audit.SubjectReferences;
import org.accord.gateway.audit.TransferFacts;
import org.accord.gateway.audit.TransferLog;
import org.accord.gateway.metrics.TransferMetrics;
import org.springframework.stereotype.Component;

/** Logs a refusal in the transfer log, in its own transaction, before the caller is answered. */
@Component
final class RefusalRecorder {

    private final TransferLog transferLog;
    private final TransferMetrics metrics;
    private final SubjectReferences subjects;

    RefusalRecorder(TransferLog transferLog, TransferMetrics metrics, SubjectReferences subjects) {
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
        transferLog.appendAlone(LogEntry.refusal(s.transferId(), outcome.code(), s.clientId(), facts, outcome.reason()));
        subjects.record(s.transferId(), subjects.referencesFor(s.recordType(), s.record()));
        metrics.refused(outcome.code(), refusal.agreement() == null ? null : refusal.agreement().id());
        return outcome;
    }
}
