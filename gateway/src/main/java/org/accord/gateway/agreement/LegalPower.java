package org.accord.gateway.agreement;

/**
 * A statutory power the sharing rests on.
 *
 * @param code {@code CTSA-2015-s26}, {@code CTSA-2015-s36}, {@code CTSA-2015-s38}, {@code CDA-1998-s115} or {@code other}
 * @param text the power in words, required for {@code other}, else may be {@code null}
 */
public record LegalPower(String code, String text) {
}
