package org.accord.gateway.outbound;

import java.util.List;

/** What became of a submission: accepted as a durable transfer, or refused with a stable code. */
public sealed interface SubmissionOutcome {

    String transferId();

    /** The transfer is committed with its log entries and handed to delivery. */
    record Accepted(String transferId, String status, boolean repeated) implements SubmissionOutcome {
    }

    /**
     * The submission was refused and the refusal logged.
     *
     * @param code a stable reason code ({@code SCHEMA_VIOLATION}, or an agreement denial code such as {@code NO_AGREEMENT})
     * @param reason one sentence for humans, without personal data
     * @param violations schema violations, empty for other refusals
     */
    record Refused(String transferId, RefusalKind kind, String code, String reason, List<Violation> violations)
            implements SubmissionOutcome {

        public Refused {
            violations = List.copyOf(violations);
        }
    }

    /** Why a submission was refused, which decides the HTTP status the caller sees. */
    enum RefusalKind {
        INVALID_RECORD, TEXT_TOO_LONG, UNKNOWN_RECORD_TYPE, NOT_PERMITTED, RECIPIENT_BACKLOG,
        /** The record names a transfer it answers ({@code inReplyTo}) that it cannot answer. */
        INVALID_REPLY
    }

    /** One schema violation: where (a JSON Pointer into the record) and what. */
    record Violation(String pointer, String message) {
    }
}
