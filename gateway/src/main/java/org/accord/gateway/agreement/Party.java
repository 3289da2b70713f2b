package org.accord.gateway.agreement;

/**
 * An organisation that signs an agreement.
 *
 * @param organisation    organisation id from {@code organisations.yaml}
 * @param role            controller, joint controller or processor
 * @param icoRegistration the ICO data protection register number
 * @param dpo             the data protection officer
 * @param pointOfContact  the single point of contact for this agreement
 */
public record Party(String organisation, PartyRole role, String icoRegistration, Contact dpo, Contact pointOfContact) {
}
