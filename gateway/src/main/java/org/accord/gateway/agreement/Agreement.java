package org.accord.gateway.agreement;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * One information-sharing agreement, as its YAML file states it (see {@code schemas/agreement.schema.json}).
 * It covers the ICO Data Sharing Code's checklist and the flows the gateway enforces. Immutable.
 *
 * @param nextReview                date by which the parties review it; {@code effective < nextReview <= expires}
 * @param registerReference         entry in the institution's register of sharing agreements
 * @param policyDocumentReference   the appropriate policy document (DPA 2018 Sch. 1 Pt 4), or {@code null}
 */
public record Agreement(String id, int version, String title, AgreementStatus status,
                        LocalDate effective, LocalDate expires, LocalDate nextReview, String registerReference,
                        List<Party> parties, List<Purpose> purposes, List<LegalPower> legalPowers,
                        List<LawfulBasis> lawfulBases, String policyDocumentReference, Dpia dpia, List<Flow> flows,
                        List<Retention> retention, OnwardSharing onwardSharing, List<String> security,
                        SubjectRights subjectRights, Breach breach, List<Signatory> signatories) {

    public Agreement {
        parties = List.copyOf(parties);
        purposes = List.copyOf(purposes);
        legalPowers = List.copyOf(legalPowers);
        lawfulBases = List.copyOf(lawfulBases);
        flows = List.copyOf(flows);
        retention = List.copyOf(retention);
        security = List.copyOf(security);
        signatories = List.copyOf(signatories);
    }

    public boolean hasParty(String organisationId) {
        return parties.stream().anyMatch(p -> p.organisation().equals(organisationId));
    }

    public Optional<Flow> flow(String flowId) {
        return flows.stream().filter(f -> f.id().equals(flowId)).findFirst();
    }

    /** Whether the agreement is in force on {@code day}: active, on or after its effective date, on or before expiry. */
    public boolean inForceOn(LocalDate day) {
        return status == AgreementStatus.ACTIVE && !day.isBefore(effective) && !day.isAfter(expires);
    }
}
