package org.accord.gateway.agreement;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.accord.gateway.crypto.Fingerprints;
import org.accord.gateway.redaction.FieldRule;
import org.accord.gateway.record.SchemaCheck;
import org.accord.gateway.record.SchemaViolation;
import org.accord.gateway.record.SourceFile;
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
        String sha256 = Fingerprints.sha256Hex(file.bytes());
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
            return new LoadedAgreement(file, sha256, Optional.of(AgreementReader.agreement(tree)), List.of(), lines);
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
    private final Map<String, String> emergencyPointers = new LinkedHashMap<>();

    /** Where each organisation's emergency section is in the organisations file last loaded (a JSON Pointer), by id. */
    Map<String, String> emergencyPointers() {
        return Map.copyOf(emergencyPointers);
    }

    /** The organisations file as a source of problems with lines, for the checks that run after loading. */
    LoadedAgreement asSource(SourceFile file) {
        return new LoadedAgreement(file, Fingerprints.sha256Hex(file.bytes()), Optional.empty(), List.of(),
                LineIndex.of(YAML, file.bytes()));
    }

    /** The code of every problem with an organisation's emergency profile. */
    public static final String EMERGENCY_PROFILE_INVALID = "EMERGENCY_PROFILE_INVALID";

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
            EmergencyProfile emergency = org.has("emergency")
                    ? emergencyProfile(file, lines, id, org.get("emergency"), pointer + "/emergency", problems) : null;
            if (emergency != null) {
                emergencyPointers.put(id, pointer + "/emergency");
            }
            organisations.add(new Organisation(id, text(org, "name"), text(org, "kind"), text(org, "icoRegistration"), units,
                    emergency));
        }
        return List.copyOf(organisations);
    }

    /**
     * Reads an organisation's {@code emergency} section: {@code contact} (role, name, and email or phone) and
     * {@code records}, each a {@code recordType}, {@code schemaVersion} and {@code fields} of field rules. Its shape
     * is checked here, its fields against the record schemas by {@link CatalogueValidator}; every problem carries
     * the code {@value #EMERGENCY_PROFILE_INVALID}.
     */
    private static EmergencyProfile emergencyProfile(SourceFile file, LineIndex lines, String id, JsonNode section, String pointer,
            List<CatalogueProblem> problems) {
        String prefix = "organisation " + id + " ";
        JsonNode contact = section.path("contact");
        if (!section.isObject() || !contact.isObject() || text(contact, "role") == null || text(contact, "name") == null
                || (text(contact, "email") == null && text(contact, "phone") == null)) {
            problems.add(new CatalogueProblem(file.name(), lines.lineOf(pointer),
                    prefix + "needs an emergency contact with a role, a name, and an email or a phone",
                    EMERGENCY_PROFILE_INVALID));
            return null;
        }
        JsonNode records = section.path("records");
        if (!records.isArray() || records.isEmpty()) {
            problems.add(new CatalogueProblem(file.name(), lines.lineOf(pointer),
                    prefix + "needs an emergency 'records' list naming what it may be sent", EMERGENCY_PROFILE_INVALID));
            return null;
        }
        List<EmergencyProfile.RecordProfile> profiles = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            JsonNode record = records.get(i);
            String at = pointer + "/records/" + i;
            JsonNode version = record.path("schemaVersion");
            JsonNode fields = record.path("fields");
            if (text(record, "recordType") == null || !version.isIntegralNumber() || !fields.isObject() || fields.isEmpty()) {
                problems.add(new CatalogueProblem(file.name(), lines.lineOf(at),
                        prefix + "has an emergency record without a recordType, an integer schemaVersion and fields",
                        EMERGENCY_PROFILE_INVALID));
                continue;
            }
            Map<String, FieldRule> rules = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> field : fields.properties()) {
                try {
                    rules.put(field.getKey(), AgreementReader.fieldRule(field.getValue()));
                } catch (RuntimeException e) {
                    problems.add(new CatalogueProblem(file.name(), lines.lineOf(at + "/fields/" + LineIndex.segment(field.getKey())),
                            prefix + "has no valid field rule for " + field.getKey(), EMERGENCY_PROFILE_INVALID));
                }
            }
            String recordType = text(record, "recordType");
            if (profiles.stream().anyMatch(p -> p.recordType().equals(recordType) && p.schemaVersion() == version.asInt())) {
                problems.add(new CatalogueProblem(file.name(), lines.lineOf(at),
                        prefix + "names " + recordType + " v" + version.asInt() + " twice in its emergency profile",
                        EMERGENCY_PROFILE_INVALID));
                continue;
            }
            profiles.add(new EmergencyProfile.RecordProfile(recordType, version.asInt(), rules));
        }
        return new EmergencyProfile(new EmergencyProfile.Contact(text(contact, "role"), text(contact, "name"),
                text(contact, "email"), text(contact, "phone")), profiles);
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

}
