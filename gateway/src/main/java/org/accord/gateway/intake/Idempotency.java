package org.accord.gateway.intake;

import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.accord.gateway.audit.Ids;
import org.accord.gateway.outbound.SubmissionOutcome;
import org.accord.gateway.outbound.SubmissionOutcome.Accepted;
import org.accord.gateway.outbound.SubmissionOutcome.Refused;
import org.accord.gateway.security.Caller;
import org.accord.gateway.transfer.Transfer;
import org.accord.gateway.transfer.TransferRepository;
import org.accord.gateway.web.ProblemCode;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * A submit's {@code Idempotency-Key}: a repeat of a request the sender made before under the same key (the same body)
 * is answered with the first request's transfer, marked {@code repeated}, and makes nothing new; the same key with
 * another body is refused with {@code IDEMPOTENCY_KEY_REUSED}. The key is kept on the transfer, unique per sender, so
 * two concurrent requests under one key make one transfer between them.
 */
@Component
class Idempotency {

    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7e]{1,200}");

    private final TransferRepository transfers;
    private final IntakeRefusals refusals;

    Idempotency(TransferRepository transfers, IntakeRefusals refusals) {
        this.transfers = transfers;
        this.refusals = refusals;
    }

    /**
     * The answer to a repeat: the earlier transfer under {@code key} if there is one (or a refusal if its body differs),
     * otherwise empty and the request goes on. A malformed key is refused, and logged, with {@code INVALID_IDEMPOTENCY_KEY}.
     */
    Optional<ResponseEntity<RecordController.SubmitResponse>> earlier(Caller caller, String key, String requestSha256,
            SubmissionEnvelope envelope) {
        if (key == null) {
            return Optional.empty();
        }
        if (!KEY.matcher(key).matches()) {
            throw refusals.refuse(caller, Ids.next(), ProblemCode.INVALID_IDEMPOTENCY_KEY, envelope,
                    "An Idempotency-Key is 1 to 200 visible ASCII characters.", Map.of());
        }
        return transfers.findBySenderAndIdempotencyKey(caller.organisation(), key).map(t -> repeated(t, requestSha256, caller, envelope));
    }

    /**
     * Stores the request ({@code store} runs the flow) and answers it: 202 when accepted, its refusal's problem
     * otherwise. If the store refused a duplicate because a concurrent request under the same {@code key} made the
     * transfer first, this one is answered as a repeat of it; any other clash is thrown again.
     */
    ResponseEntity<RecordController.SubmitResponse> stored(Caller caller, String key, String requestSha256,
            SubmissionEnvelope envelope, Supplier<SubmissionOutcome> store) {
        SubmissionOutcome outcome;
        try {
            outcome = store.get();
        }
        catch (DataIntegrityViolationException clash) {
            Transfer winner = key == null ? null : transfers.findBySenderAndIdempotencyKey(caller.organisation(), key).orElse(null);
            if (winner == null) {
                throw clash;
            }
            return repeated(winner, requestSha256, caller, envelope);
        }
        if (outcome instanceof Refused refused) {
            throw SubmissionProblems.of(refused);
        }
        Accepted accepted = (Accepted) outcome;
        return RecordController.SubmitResponse.accepted(accepted.transferId(), accepted.status(), false);
    }

    private ResponseEntity<RecordController.SubmitResponse> repeated(Transfer earlier, String requestSha256, Caller caller,
            SubmissionEnvelope envelope) {
        if (!earlier.requestSha256().equals(requestSha256)) {
            throw refusals.refuse(caller, Ids.next(), ProblemCode.IDEMPOTENCY_KEY_REUSED, envelope,
                    "This Idempotency-Key was used for a different request.", Map.of());
        }
        return RecordController.SubmitResponse.accepted(earlier.id(), earlier.status().name(), true);
    }
}
