package org.accord.gateway.security;

/**
 * A request refused before it reached a feature: a client not mapped to an organisation, a client or source address
 * over its rate limit, a locked sign-in or client authentication. The transfer log records it under
 * {@code refusalId}.
 *
 * @param refusalId the id the refusal is logged under
 * @param code the problem code answered ({@code UNKNOWN_CLIENT}, {@code RATE_LIMITED}, {@code LOCKED_OUT})
 * @param actor who was refused: a client id, {@code address:<ip>} or {@code user:<name>}, never a secret
 * @param organisation the organisation the actor acts for, when known
 * @param detail what was refused, without personal data
 */
public record RequestRefused(String refusalId, String code, String actor, String organisation, String detail) {
}
