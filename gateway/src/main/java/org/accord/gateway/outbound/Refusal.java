package org.accord.gateway.outbound;

import org.accord.gateway.agreement.AgreementRef;

/**
 * A stage's refusal of a submission, with what the log needs to record it.
 *
 * @param agreement the agreement the refusal concerns, when one was found (for example an expired one)
 */
record Refusal(Submission submission, SubmissionOutcome.Refused outcome, AgreementRef agreement) {
}
