package org.accord.gateway.agreement;

/**
 * How long one party keeps what it holds under the agreement.
 *
 * @param organisation the party
 * @param period       ISO-8601 period, for example {@code P6Y}
 * @param trigger      when the period starts: {@code case-closed}, {@code received}, {@code referral-outcome},
 *                     {@code last-contact} or {@code other}
 * @param disposal     {@code secure-deletion}, {@code anonymisation}, {@code return-to-sender} or {@code archive-under-review}
 */
public record Retention(String organisation, String period, String trigger, String disposal) {
}
