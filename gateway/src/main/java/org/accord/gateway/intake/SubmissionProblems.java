package org.accord.gateway.intake;

import java.util.Map;

import org.accord.gateway.outbound.SubmissionOutcome;
import org.accord.gateway.outbound.SubmissionOutcome.Refused;
import org.accord.gateway.web.ApiProblemException;
import org.accord.gateway.web.ProblemCode;

/** The problem response for a refused submission, whichever way the record came in. */
public final class SubmissionProblems {

    static final int RETRY_AFTER_SECONDS = 30;

    private SubmissionProblems() {
    }

    public static ApiProblemException of(Refused refused) {
        if (refused.kind() == SubmissionOutcome.RefusalKind.RECIPIENT_BACKLOG) {
            return new ApiProblemException(ProblemCode.RECIPIENT_BACKLOG, refused.reason(),
                    Map.of("refusalId", refused.transferId(), "retryAfterSeconds", RETRY_AFTER_SECONDS));
        }
        ProblemCode code = switch (refused.kind()) {
            case INVALID_RECORD -> ProblemCode.SCHEMA_VIOLATION;
            case TEXT_TOO_LONG -> ProblemCode.FREE_TEXT_TOO_LONG;
            case UNKNOWN_RECORD_TYPE -> ProblemCode.UNKNOWN_RECORD_TYPE;
            case NOT_PERMITTED -> ProblemCode.REFUSED_BY_AGREEMENT;
            case RECIPIENT_BACKLOG -> ProblemCode.RECIPIENT_BACKLOG;
            case INVALID_REPLY -> ProblemCode.IN_REPLY_TO_INVALID;
        };
        boolean coded = refused.kind() == SubmissionOutcome.RefusalKind.NOT_PERMITTED
                || refused.kind() == SubmissionOutcome.RefusalKind.INVALID_REPLY;
        Map<String, Object> properties = coded
                ? Map.of("reason", refused.code(), "refusalId", refused.transferId())
                : Map.of("violations", refused.violations(), "refusalId", refused.transferId());
        return new ApiProblemException(code, refused.reason(), properties);
    }
}
