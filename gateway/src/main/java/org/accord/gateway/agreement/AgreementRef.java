package org.accord.gateway.agreement;

/**
 * Identifies exactly which agreement text a decision rests on.
 *
 * @param id      agreement id
 * @param version agreement version
 * @param sha256  lowercase hex SHA-256 of the agreement file's bytes
 */
public record AgreementRef(String id, int version, String sha256) {
}
