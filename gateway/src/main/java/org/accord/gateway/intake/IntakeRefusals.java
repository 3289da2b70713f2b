package org.accord.gateway.intake;

import java.util.Map;

import org.accord.gateway.audit.LogEntry;
import org.accord.gateway.audit.TransferFacts;
import org.accord.gateway.audit.TransferLog;
import org.accord.gateway.metrics.TransferMetrics;
import org.accord.gateway.security.Caller;
import org.accord.gateway.web.ApiProblemException;
import org.accord.gateway.web.ProblemCode;
import org.springframework.stereotype.Component;

/** Logs a submission refused before it reached the outbound flow, and builds the problem to answer with. */
@Component
class IntakeRefusals {

    private final TransferLog transferLog;
    private final TransferMetrics metrics;

    IntakeRefusals(TransferLog transferLog, TransferMetrics metrics) {
        this.transferLog = transferLog;
        this.metrics = metrics;
    }

    ApiProblemException refuse(Caller caller, String refusalId, ProblemCode code, SubmissionEnvelope envelope,
            String detail, Map<String, Object> properties) {
        TransferFacts facts = envelope == null ? TransferFacts.of(caller.organisation(), null, null, null, null)
                : TransferFacts.of(caller.organisation(), envelope.recipient(), envelope.recordType(), envelope.schemaVersion(),
                        envelope.purpose());
        transferLog.appendAlone(LogEntry.refusal(refusalId, code.name(), caller.clientId(), facts, detail));
        metrics.refused(code.name(), null);
        Map<String, Object> all = new java.util.HashMap<>(properties);
        all.put("refusalId", refusalId);
        return new ApiProblemException(code, detail, all);
    }
}
