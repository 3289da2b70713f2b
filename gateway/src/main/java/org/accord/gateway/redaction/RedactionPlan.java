package org.accord.gateway.redaction;

import java.util.Map;
import java.util.Optional;

/**
 * The field rules of one agreement flow, keyed by field path (dot notation, {@code []} for array items,
 * for example {@code subject.addresses[].postcode}). A path the plan does not name is dropped.
 *
 * @param agreementId the agreement the rules come from; pseudonyms are keyed per agreement
 * @param flowId      the flow within that agreement
 * @param rules       rule per field path
 */
public record RedactionPlan(String agreementId, String flowId, Map<String, FieldRule> rules) {

    public RedactionPlan {
        rules = Map.copyOf(rules);
    }

    public Optional<FieldRule> ruleFor(String path) {
        return Optional.ofNullable(rules.get(path));
    }
}
