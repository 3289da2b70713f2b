/**
 * Minimisation by agreement: the per-field rules of one agreement flow ({@link org.accord.gateway.redaction.RedactionPlan})
 * and the {@link org.accord.gateway.redaction.Minimiser} that applies them, reporting which fields went, changed or stayed behind.
 * Free text under a {@code scrub} rule goes through the scrubber in {@code redaction.scrub}.
 */
package org.accord.gateway.redaction;
