package org.accord.gateway.agreement;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.accord.gateway.redaction.FieldRule;
import tools.jackson.databind.JsonNode;

/** Turns an agreement document that met {@code agreement.schema.json} into the immutable model. */
final class AgreementReader {

    private AgreementReader() {
    }

    static Agreement agreement(JsonNode a) {
        return new Agreement(
                text(a, "id"), a.get("version").asInt(), text(a, "title"),
                AgreementStatus.fromCode(text(a, "status")),
                date(a, "effective"), date(a, "expires"), date(a, "nextReview"),
                text(a.get("register"), "reference"),
                list(a.get("parties"), p -> new Party(text(p, "organisation"), PartyRole.fromCode(text(p, "role")),
                        text(p, "icoRegistration"), contact(p.get("dpo")), contact(p.get("pointOfContact")))),
                list(a.get("purposes"), p -> new Purpose(text(p, "id"), text(p, "description"), text(p, "necessity"),
                        text(p, "proportionality"))),
                list(a.get("legalPowers"), p -> new LegalPower(text(p, "code"), text(p, "text"))),
                list(a.get("lawfulBases"), b -> new LawfulBasis(text(b, "code"), list(b.get("conditions"), JsonNode::asString))),
                a.has("appropriatePolicyDocument") ? text(a.get("appropriatePolicyDocument"), "reference") : null,
                new Dpia(text(a.get("dpia"), "reference"), date(a.get("dpia"), "date")),
                list(a.get("flows"), AgreementReader::flow),
                list(a.get("retention"), r -> new Retention(text(r, "organisation"), text(r, "period"), text(r, "trigger"),
                        text(r, "disposal"))),
                new OnwardSharing(a.get("onwardSharing").get("allowed").asBoolean(), text(a.get("onwardSharing"), "conditions")),
                list(a.get("security"), JsonNode::asString),
                new SubjectRights(text(a.get("subjectRights"), "privacyNotice"), text(a.get("subjectRights"), "accessRequests"),
                        text(a.get("subjectRights"), "otherRights"), text(a.get("subjectRights"), "lead")),
                new Breach(a.get("breach").get("notifyWithinHours").asInt(), list(a.get("breach").get("contacts"),
                        c -> new Breach.BreachContact(text(c, "organisation"), text(c, "name"), text(c, "email"), text(c, "phone")))),
                list(a.get("signatories"), s -> new Signatory(text(s, "organisation"), text(s, "name"), text(s, "position"),
                        date(s, "date"))));
    }

    private static Flow flow(JsonNode f) {
        Map<String, FieldRule> fields = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : f.get("fields").properties()) {
            fields.put(entry.getKey(), fieldRule(entry.getValue()));
        }
        JsonNode channel = f.get("channel");
        return new Flow(text(f, "id"), text(f, "from"), text(f, "to"), Direction.fromCode(text(f, "direction")),
                text(f, "recordType"), f.get("schemaVersion").asInt(), list(f.get("purposes"), JsonNode::asString),
                f.has("conditions") ? condition(f.get("conditions")) : Condition.ALWAYS,
                fields, new Channel(ChannelKind.fromCode(text(channel, "kind")), text(channel, "address")),
                f.has("collectWithin") ? java.time.Period.parse(text(f, "collectWithin")) : null,
                f.has("allowUrgent") && f.get("allowUrgent").asBoolean());
    }

    static FieldRule fieldRule(JsonNode node) {
        String rule = node.isString() ? node.asString() : text(node, "rule");
        switch (rule) {
            case "share":
                return new FieldRule.Share();
            case "drop":
                return new FieldRule.Drop();
            case "pseudonymise":
                return new FieldRule.Pseudonymise();
            case "scrub":
                return new FieldRule.Scrub(list(node.get("names"), JsonNode::asString),
                        node.has("detectOtherNames") && node.get("detectOtherNames").asBoolean(), text(node, "studentNumberPattern"));
            case "mask":
                String with = text(node, "with");
                return new FieldRule.Mask(node.has("keepLast") ? node.get("keepLast").asInt() : -1,
                        with == null ? '*' : with.charAt(0));
            case "generalise":
                return new FieldRule.Generalise(FieldRule.Generalisation.fromCode(text(node, "to")));
            default:
                throw new IllegalArgumentException("unknown field rule " + rule);
        }
    }

    private static Condition condition(JsonNode c) {
        if (c.has("anyOf")) {
            return new Condition.Any(list(c.get("anyOf"), AgreementReader::condition));
        }
        if (c.has("allOf")) {
            return new Condition.All(list(c.get("allOf"), AgreementReader::condition));
        }
        if (c.has("not")) {
            return new Condition.Not(condition(c.get("not")));
        }
        String field = text(c, "field");
        if (c.has("present")) {
            return new Condition.Present(field, c.get("present").asBoolean());
        }
        if (c.has("equals")) {
            return new Condition.In(field, List.of(c.get("equals")));
        }
        return new Condition.In(field, list(c.get("in"), Function.identity()));
    }

    private static Contact contact(JsonNode c) {
        return new Contact(text(c, "name"), text(c, "role"), text(c, "email"), text(c, "phone"));
    }

    private static <T> List<T> list(JsonNode array, Function<JsonNode, T> mapper) {
        List<T> items = new ArrayList<>();
        if (array != null) {
            for (JsonNode item : array) {
                items.add(mapper.apply(item));
            }
        }
        return items;
    }

    private static LocalDate date(JsonNode node, String name) {
        return LocalDate.parse(text(node, name));
    }

    private static String text(JsonNode node, String name) {
        JsonNode value = node == null ? null : node.get(name);
        return value == null || value.isNull() ? null : value.asString();
    }
}
