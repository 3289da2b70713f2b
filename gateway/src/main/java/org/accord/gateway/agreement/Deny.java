package org.accord.gateway.agreement;

/**
 * The record may not move.
 *
 * @param code             stable reason code
 * @param reason           one sentence for the transfer log and the DPO; names organisations and agreements, never personal data
 * @param agreementOrNull  the agreement the denial concerns (expired, suspended, condition failed, ...), or {@code null}
 */
public record Deny(DenialCode code, String reason, AgreementRef agreementOrNull) implements Decision {
}
