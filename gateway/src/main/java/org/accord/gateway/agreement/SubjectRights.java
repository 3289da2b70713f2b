package org.accord.gateway.agreement;

/**
 * How data subjects are told and how their rights are met.
 *
 * @param privacyNotice  where the privacy notice is
 * @param accessRequests how subject access requests are handled between the parties
 * @param otherRights    rectification, restriction and the rest ({@code null} if not stated)
 * @param lead           the organisation that leads on requests
 */
public record SubjectRights(String privacyNotice, String accessRequests, String otherRights, String lead) {
}
