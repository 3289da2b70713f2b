package org.accord.gateway.agreement;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The default-deny decision. A transfer is permitted only when exactly one active agreement, in force on the
 * transfer date, names the sender's and recipient's organisations as parties and has a flow from this sender to
 * this recipient for this record type and schema version, purpose and direction, whose conditions the record
 * meets. Otherwise it is denied with the most specific code. Agreements are indexed by party pair when the
 * decider is built, so a decision costs a map lookup and a scan of that pair's few flows. Immutable.
 */
public final class AgreementDecider {

    private static final int FULL_MATCH = 4;
    private static final Comparator<Covered> MOST_RECENT =
            Comparator.comparing((Covered c) -> c.agreement().effective()).thenComparing(c -> c.agreement().version());

    private final Map<String, Organisation> organisations;
    private final Map<String, List<Covered>> byPartyPair;
    private final Set<String> partiesWithAgreements;

    /** An agreement with the reference decisions cite. */
    record Covered(Agreement agreement, AgreementRef ref) {
    }

    AgreementDecider(Map<String, Organisation> organisations, List<Covered> agreements) {
        this.organisations = Map.copyOf(organisations);
        Map<String, List<Covered>> index = new HashMap<>();
        Set<String> parties = new HashSet<>();
        for (Covered covered : agreements) {
            for (Party x : covered.agreement().parties()) {
                parties.add(x.organisation());
                for (Party y : covered.agreement().parties()) {
                    index.computeIfAbsent(pair(x.organisation(), y.organisation()), k -> new ArrayList<>()).add(covered);
                }
            }
        }
        Map<String, List<Covered>> frozen = new HashMap<>();
        index.forEach((k, v) -> frozen.put(k, List.copyOf(v)));
        this.byPartyPair = Map.copyOf(frozen);
        this.partiesWithAgreements = Set.copyOf(parties);
    }

    public Decision decide(TransferRequest request) {
        String senderOrg = Organisation.organisationOf(request.sender());
        String recipientOrg = Organisation.organisationOf(request.recipient());
        if (!known(request.sender())) {
            return new Deny(DenialCode.UNKNOWN_SENDER, "The sender is not a known organisation or unit.", null);
        }
        if (!known(request.recipient())) {
            return new Deny(DenialCode.UNKNOWN_RECIPIENT, "The recipient is not a known organisation or unit.", null);
        }
        List<Covered> candidates = byPartyPair.getOrDefault(pair(senderOrg, recipientOrg), List.of());
        if (candidates.isEmpty()) {
            if (partiesWithAgreements.contains(senderOrg)) {
                return new Deny(DenialCode.RECIPIENT_NOT_PARTY,
                        "No agreement with " + senderOrg + " as a party names " + recipientOrg + " as a party.", null);
            }
            if (partiesWithAgreements.contains(recipientOrg)) {
                return new Deny(DenialCode.SENDER_NOT_PARTY,
                        "No agreement with " + recipientOrg + " as a party names " + senderOrg + " as a party.", null);
            }
            return new Deny(DenialCode.NO_AGREEMENT,
                    "No agreement names " + senderOrg + " or " + recipientOrg + " as a party.", null);
        }
        LocalDate on = request.on();
        List<Matched> inForce = new ArrayList<>();
        List<Covered> outOfForceFull = new ArrayList<>();
        Matched deepest = null;
        boolean anyInForce = false;
        for (Covered covered : candidates) {
            boolean live = covered.agreement().inForceOn(on);
            anyInForce |= live;
            for (Flow flow : covered.agreement().flows()) {
                int depth = depth(flow, request);
                if (depth == FULL_MATCH) {
                    if (live) {
                        inForce.add(new Matched(covered, flow, depth));
                    } else {
                        outOfForceFull.add(covered);
                    }
                } else if (live && (deepest == null || depth > deepest.depth())) {
                    deepest = new Matched(covered, flow, depth);
                }
            }
        }
        if (inForce.size() > 1) {
            return new Deny(DenialCode.AMBIGUOUS_AGREEMENT, "Agreements " + inForce.get(0).covered().agreement().id()
                    + " and " + inForce.get(1).covered().agreement().id() + " both cover this transfer.", null);
        }
        if (inForce.size() == 1) {
            Matched match = inForce.get(0);
            Agreement agreement = match.covered().agreement();
            if (!match.flow().condition().holds(request.record())) {
                return new Deny(DenialCode.CONDITION_FAILED, "The record does not meet the conditions of flow "
                        + match.flow().id() + " in agreement " + agreement.id() + ".", match.covered().ref());
            }
            return new Permit(match.covered().ref(), match.flow().id(), match.flow().plan(agreement.id()), match.flow().channel(),
                    match.flow().collectWithin(), match.flow().allowUrgent());
        }
        if (!outOfForceFull.isEmpty()) {
            return notInForce(outOfForceFull.stream().max(MOST_RECENT).orElseThrow(), on);
        }
        if (!anyInForce) {
            return notInForce(candidates.stream().max(MOST_RECENT).orElseThrow(), on);
        }
        return notCovered(request, deepest);
    }

    private boolean known(String address) {
        Organisation organisation = organisations.get(Organisation.organisationOf(address));
        return organisation != null && organisation.owns(address);
    }

    private static int depth(Flow flow, TransferRequest request) {
        if (!flow.from().equals(request.sender()) || !flow.to().equals(request.recipient())
                || !flow.recordType().equals(request.recordType())) {
            return 0;
        }
        if (flow.schemaVersion() != request.schemaVersion()) {
            return 1;
        }
        if (!flow.purposes().contains(request.purpose())) {
            return 2;
        }
        if (flow.direction() != request.direction()) {
            return 3;
        }
        return FULL_MATCH;
    }

    private static Deny notInForce(Covered covered, LocalDate on) {
        Agreement a = covered.agreement();
        return switch (a.status()) {
            case DRAFT -> new Deny(DenialCode.AGREEMENT_DRAFT, "Agreement " + a.id() + " is a draft and not in force.", covered.ref());
            case SUSPENDED -> new Deny(DenialCode.AGREEMENT_SUSPENDED, "Agreement " + a.id() + " is suspended.", covered.ref());
            case TERMINATED -> new Deny(DenialCode.AGREEMENT_TERMINATED, "Agreement " + a.id() + " has been terminated.", covered.ref());
            case ACTIVE -> on.isBefore(a.effective())
                    ? new Deny(DenialCode.AGREEMENT_NOT_YET_EFFECTIVE, "Agreement " + a.id() + " takes effect on " + a.effective() + ".", covered.ref())
                    : new Deny(DenialCode.AGREEMENT_EXPIRED, "Agreement " + a.id() + " expired on " + a.expires() + ".", covered.ref());
        };
    }

    private static Deny notCovered(TransferRequest r, Matched deepest) {
        if (deepest == null || deepest.depth() == 0) {
            return new Deny(DenialCode.RECORD_TYPE_NOT_COVERED, "No agreement in force has a flow of " + code(r.recordType())
                    + " from " + r.sender() + " to " + r.recipient() + ".", null);
        }
        String id = deepest.covered().agreement().id();
        AgreementRef ref = deepest.covered().ref();
        return switch (deepest.depth()) {
            case 1 -> new Deny(DenialCode.SCHEMA_VERSION_NOT_COVERED, "Agreement " + id + " does not cover " + code(r.recordType())
                    + " schema version " + r.schemaVersion() + ".", ref);
            case 2 -> new Deny(DenialCode.PURPOSE_NOT_COVERED, "Agreement " + id + " does not cover " + code(r.recordType())
                    + " from " + r.sender() + " to " + r.recipient() + " for purpose " + code(r.purpose()) + ".", ref);
            default -> new Deny(DenialCode.DIRECTION_NOT_COVERED, "Agreement " + id + " does not cover " + code(r.recordType())
                    + " from " + r.sender() + " to " + r.recipient() + " in the " + r.direction().code() + " direction.", ref);
        };
    }

    /** Echoes a caller-supplied code only if it looks like one, so a reason never carries free text. */
    private static String code(String value) {
        return value != null && value.matches("[a-z0-9][a-z0-9-]{0,79}") ? value : "(unrecognised)";
    }

    private static String pair(String a, String b) {
        return a + '\u0000' + b;
    }

    private record Matched(Covered covered, Flow flow, int depth) {
    }
}
