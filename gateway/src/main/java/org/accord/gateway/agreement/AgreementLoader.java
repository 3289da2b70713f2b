package org.accord.gateway.agreement;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.accord.gateway.record.SchemaCheck;
import org.accord.gateway.record.SchemaViolation;
import org.accord.gateway.record.SourceFile;
import org.accord.gateway.redaction.FieldRule;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads agreement and organisation YAML files. An agreement file must parse and meet
 * {@code agreement.schema.json}; problems carry the file name and, where known, the line.
 */
public final class AgreementLoader {

    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private final SchemaCheck agreementSchema;

    private AgreementLoader(SchemaCheck agreementSchema) {
        this.agreementSchema = agreementSchema;
    }

    /** A loader checking agreements against the given {@code agreement.schema.json}. */
    public static AgreementLoader withSchema(SourceFile agreementSchemaJson) {
        JsonNode tree = JsonMapper.shared().readTree(agreementSchemaJson.bytes());
        return new AgreementLoader(SchemaCheck.compile(tree));
    }

    /** Parses and schema-checks one agreement file; never throws for bad content. */
    public LoadedAgreement load(SourceFile file) {
        String sha256 = sha256(file.bytes());
        JsonNode tree;
        try {
            tree = YAML.readTree(file.bytes());
        } catch (JacksonException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            return new LoadedAgreement(file, sha256, Optional.empty(),
                    List.of(new CatalogueProblem(file.name(), Math.max(line, 0), "not valid YAML: " + firstLine(e.getOriginalMessage()))),
                    LineIndex.EMPTY);
        }
        LineIndex lines = LineIndex.of(YAML, file.bytes());
        if (tree == null || !tree.isObject()) {
            return new LoadedAgreement(file, sha256, Optional.empty(),
                    List.of(new CatalogueProblem(file.name(), 1, "an agreement file must hold one YAML mapping")), lines);
        }
        List<CatalogueProblem> problems = new ArrayList<>();
        for (SchemaViolation violation : agreementSchema.check(tree)) {
            String where = violation.pointer().isEmpty() ? "" : violation.pointer() + ": ";
            problems.add(new CatalogueProblem(file.name(), lines.lineOf(violation.pointer()),
                    "does not meet the agreement schema: " + where + violation.message()));
        }
        if (!problems.isEmpty()) {
            return new LoadedAgreement(file, sha256, Optional.empty(), problems, lines);
        }
        try {
            return new LoadedAgreement(file, sha256, Optional.of(agreement(tree)), List.of(), lines);
        } catch (RuntimeException e) {
            return new LoadedAgreement(file, sha256, Optional.empty(),
                    List.of(new CatalogueProblem(file.name(), 0, "cannot be read: " + e.getMessage())), lines);
        }
    }

    /**
     * Reads {@code organisations.yaml}: a mapping with an {@code organisations} list, each with id, name, kind,
     * icoRegistration and optional units (id, name).
     *
     * @param problems receives what is wrong, with lines
     */
    public List<Organisation> loadOrganisations(SourceFile file, List<CatalogueProblem> problems) {
        JsonNode tree;
        try {
            tree = YAML.readTree(file.bytes());
        } catch (JacksonException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            problems.add(new CatalogueProblem(file.name(), Math.max(line, 0), "not valid YAML: " + firstLine(e.getOriginalMessage())));
            return List.of();
        }
        LineIndex lines = LineIndex.of(YAML, file.bytes());
        JsonNode list = tree == null ? null : tree.get("organisations");
        if (list == null || !list.isArray()) {
            problems.add(new CatalogueProblem(file.name(), 1, "must hold an 'organisations' list"));
            return List.of();
        }
        List<Organisation> organisations = new ArrayList<>();
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode org = list.get(i);
            String pointer = "/organisations/" + i;
            String id = text(org, "id");
            if (id == null || !id.matches("[a-z0-9][a-z0-9-]*") || text(org, "name") == null
                    || text(org, "kind") == null || text(org, "icoRegistration") == null) {
                problems.add(new CatalogueProblem(file.name(), lines.lineOf(pointer),
                        "an organisation needs an id (lowercase letters, digits, hyphens), name, kind and icoRegistration"));
                continue;
            }
            if (seen.putIfAbsent(id, i) != null) {
                problems.add(new CatalogueProblem(file.name(), lines.lineOf(pointer), "organisation " + id + " is listed twice"));
                continue;
            }
            List<String> units = new ArrayList<>();
            for (JsonNode unit : org.path("units")) {
                String unitId = text(unit, "id");
                if (unitId == null || !unitId.matches("[a-z0-9][a-z0-9-]*")) {
                    problems.add(new CatalogueProblem(file.name(), lines.lineOf(pointer + "/units"),
                            "organisation " + id + " has a unit without a valid id"));
                } else {
                    units.add(unitId);
                }
            }
            organisations.add(new Organisation(id, text(org, "name"), text(org, "kind"), text(org, "icoRegistration"), units));
        }
        return List.copyOf(organisations);
    }

    private static Agreement agreement(JsonNode a) {
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
                list(a.get("flows"), AgreementLoader::flow),
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
                fields, new Channel(ChannelKind.fromCode(text(channel, "kind")), text(channel, "address")));
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
                return new FieldRule.Scrub();
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
            return new Condition.Any(list(c.get("anyOf"), AgreementLoader::condition));
        }
        if (c.has("allOf")) {
            return new Condition.All(list(c.get("allOf"), AgreementLoader::condition));
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

    private static String firstLine(String message) {
        String text = message == null ? "" : message;
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
    }
}
