/**
 * The free-text scrubber behind the {@code scrub} rule: {@link org.accord.gateway.redaction.scrub.TextScrubber} replaces
 * personal identifiers and people's names with typed placeholders and reports where they were, never what they were.
 * Exports the scrubber, its profile and result types, the pluggable
 * {@link org.accord.gateway.redaction.scrub.PersonNameDetector} seam with the shipped
 * {@link org.accord.gateway.redaction.scrub.DictionaryNameDetector} (names of many origins, found by word lists and the
 * words around them), and {@link org.accord.gateway.redaction.scrub.StudentNumberPattern}, which the catalogue check
 * also uses.
 */
@NamedInterface("scrub")
package org.accord.gateway.redaction.scrub;

import org.springframework.modulith.NamedInterface;
