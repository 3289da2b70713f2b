package org.accord.gateway.agreement;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.accord.gateway.record.DataCategory;
import org.accord.gateway.record.RecordField;
import org.accord.gateway.record.RecordSchemas;
import org.accord.gateway.redaction.FieldRule;
import org.accord.gateway.redaction.scrub.StudentNumberPattern;
import tools.jackson.databind.JsonNode;

/**
 * Checks agreements that met the agreement schema against each other, the organisations and the record
 * schemas: parties exist, flow ends are parties, record types and field paths exist, rules fit their fields and
 * are implemented, special category and criminal-offence data have a lawful basis that covers them, dates are
 * ordered, ids match file names, and no two active agreements cover the same flow at the same time.
 */
public final class CatalogueValidator {

    private static final Set<String> SPECIAL_BASES = Set.of("UK-GDPR-9-2-g", "DPA-2018-Pt3-s35");
    private static final Set<String> CRIMINAL_BASES = Set.of("UK-GDPR-10", "DPA-2018-Pt3-s35");

    private final Map<String, Organisation> organisations;
    private final RecordSchemas recordSchemas;

    public CatalogueValidator(Map<String, Organisation> organisations, RecordSchemas recordSchemas) {
        this.organisations = Map.copyOf(organisations);
        this.recordSchemas = recordSchemas;
    }

    /** Every problem found in the loaded agreements, including those found while loading them. */
    public List<CatalogueProblem> check(List<LoadedAgreement> loaded) {
        List<CatalogueProblem> problems = new ArrayList<>();
        for (LoadedAgreement file : loaded) {
            problems.addAll(file.problems());
            file.agreement().ifPresent(agreement -> checkAgreement(file, agreement, problems));
        }
        problems.addAll(OverlappingFlows.find(loaded));
        return List.copyOf(problems);
    }

    private void checkAgreement(LoadedAgreement file, Agreement a, List<CatalogueProblem> problems) {
        String name = file.file().name();
        if (!name.equals(a.id() + ".yaml") && !name.equals(a.id() + ".yml")) {
            problems.add(file.problemAt("/id", "agreement id " + a.id() + " does not match its file name " + name));
        }
        if (!a.effective().isBefore(a.nextReview())) {
            problems.add(file.problemAt("/nextReview", "next review date " + a.nextReview() + " must be after the effective date " + a.effective()));
        }
        if (a.nextReview().isAfter(a.expires())) {
            problems.add(file.problemAt("/nextReview", "next review date " + a.nextReview() + " must be on or before the expiry date " + a.expires()));
        }
        Set<String> parties = new HashSet<>();
        for (int i = 0; i < a.parties().size(); i++) {
            Party party = a.parties().get(i);
            String pointer = "/parties/" + i;
            Organisation org = organisations.get(party.organisation());
            if (org == null) {
                problems.add(file.problemAt(pointer + "/organisation", "party " + party.organisation() + " is not in organisations.yaml"));
            } else if (!org.icoRegistration().equals(party.icoRegistration())) {
                problems.add(file.problemAt(pointer + "/icoRegistration", "party " + party.organisation()
                        + " has ICO registration " + party.icoRegistration() + " but organisations.yaml says " + org.icoRegistration()));
            }
            if (!parties.add(party.organisation())) {
                problems.add(file.problemAt(pointer, "party " + party.organisation() + " is listed twice"));
            }
        }
        for (int i = 0; i < a.retention().size(); i++) {
            requireParty(file, parties, a.retention().get(i).organisation(), "/retention/" + i + "/organisation", "retention", problems);
        }
        for (String party : parties) {
            if (a.retention().stream().noneMatch(r -> r.organisation().equals(party))) {
                problems.add(file.problemAt("/retention", "party " + party + " has no retention entry"));
            }
        }
        for (int i = 0; i < a.signatories().size(); i++) {
            requireParty(file, parties, a.signatories().get(i).organisation(), "/signatories/" + i + "/organisation", "signatory", problems);
        }
        for (int i = 0; i < a.breach().contacts().size(); i++) {
            requireParty(file, parties, a.breach().contacts().get(i).organisation(), "/breach/contacts/" + i + "/organisation", "breach contact", problems);
        }
        requireParty(file, parties, a.subjectRights().lead(), "/subjectRights/lead", "subject rights lead", problems);
        Set<String> purposeIds = new HashSet<>();
        for (int i = 0; i < a.purposes().size(); i++) {
            if (!purposeIds.add(a.purposes().get(i).id())) {
                problems.add(file.problemAt("/purposes/" + i + "/id", "purpose " + a.purposes().get(i).id() + " is listed twice"));
            }
        }
        Set<String> flowIds = new HashSet<>();
        for (int i = 0; i < a.flows().size(); i++) {
            Flow flow = a.flows().get(i);
            if (!flowIds.add(flow.id())) {
                problems.add(file.problemAt("/flows/" + i + "/id", "flow " + flow.id() + " is listed twice"));
            }
            checkFlow(file, a, flow, "/flows/" + i, parties, purposeIds, problems);
        }
    }

    private void requireParty(LoadedAgreement file, Set<String> parties, String organisation, String pointer, String what,
                              List<CatalogueProblem> problems) {
        if (!parties.contains(organisation)) {
            problems.add(file.problemAt(pointer, what + " organisation " + organisation + " is not a party to this agreement"));
        }
    }

    private void checkFlow(LoadedAgreement file, Agreement a, Flow flow, String pointer, Set<String> parties,
                           Set<String> purposeIds, List<CatalogueProblem> problems) {
        String flowName = "flow " + flow.id();
        checkEnd(file, flowName, "from", flow.from(), pointer + "/from", parties, problems);
        checkEnd(file, flowName, "to", flow.to(), pointer + "/to", parties, problems);
        boolean sameOrganisation = Organisation.organisationOf(flow.from()).equals(Organisation.organisationOf(flow.to()));
        if (flow.direction() == Direction.INTERNAL && !sameOrganisation) {
            problems.add(file.problemAt(pointer + "/direction", flowName + " is internal but joins two organisations"));
        }
        if (flow.direction() != Direction.INTERNAL && sameOrganisation) {
            problems.add(file.problemAt(pointer + "/direction", flowName + " is " + flow.direction().code()
                    + " but both ends are in " + Organisation.organisationOf(flow.from()) + "; use internal"));
        }
        for (int i = 0; i < flow.purposes().size(); i++) {
            if (!purposeIds.contains(flow.purposes().get(i))) {
                problems.add(file.problemAt(pointer + "/purposes/" + i, flowName + " names purpose " + flow.purposes().get(i)
                        + ", which the agreement does not state"));
            }
        }
        if (!recordSchemas.knows(flow.recordType(), flow.schemaVersion())) {
            problems.add(file.problemAt(pointer + "/recordType", flowName + " names record type " + flow.recordType()
                    + " v" + flow.schemaVersion() + ", which has no schema"));
            return;
        }
        Set<DataCategory> shared = checkFields(file, flowName, flow, pointer, problems);
        Set<String> bases = new HashSet<>();
        a.lawfulBases().forEach(b -> bases.add(b.code()));
        if (shared.contains(DataCategory.SPECIAL) && bases.stream().noneMatch(SPECIAL_BASES::contains)) {
            problems.add(file.problemAt(pointer + "/fields", flowName + " shares special category data but the agreement "
                    + "states no Art. 9 condition (UK-GDPR-9-2-g or DPA-2018-Pt3-s35)"));
        }
        if (shared.contains(DataCategory.CRIMINAL_OFFENCE) && bases.stream().noneMatch(CRIMINAL_BASES::contains)) {
            problems.add(file.problemAt(pointer + "/fields", flowName + " shares criminal-offence data but the agreement "
                    + "states no basis for it (UK-GDPR-10 or DPA-2018-Pt3-s35)"));
        }
        checkCondition(file, flowName, flow, flow.condition(), pointer + "/conditions", problems);
    }

    /** Checks a flow's (or an emergency profile's) field rules against its record schema; returns what they share. */
    private Set<DataCategory> checkFields(LoadedAgreement file, String flowName, Flow flow, String pointer,
                                          List<CatalogueProblem> problems) {
        Set<DataCategory> shared = EnumSet.noneOf(DataCategory.class);
        for (Map.Entry<String, FieldRule> entry : flow.fields().entrySet()) {
            String path = entry.getKey();
            FieldRule rule = entry.getValue();
            String fieldPointer = pointer + "/fields/" + LineIndex.segment(path);
            Optional<RecordField> field = recordSchemas.field(flow.recordType(), flow.schemaVersion(), path);
            if (field.isEmpty()) {
                problems.add(file.problemAt(fieldPointer, flowName + " names field " + path + ", which "
                        + flow.recordType() + " v" + flow.schemaVersion() + " does not have"));
                continue;
            }
            if (rule instanceof FieldRule.Scrub scrub) {
                checkScrub(file, flow, path, scrub, field.get(), fieldPointer, problems);
            } else {
                checkRuleFits(file, flowName, path, rule, field.get(), fieldPointer, problems);
            }
            for (String ancestor : ancestors(path)) {
                if (flow.fields().containsKey(ancestor)) {
                    problems.add(file.problemAt(fieldPointer, flowName + " has a rule for " + path
                            + " inside the rule for " + ancestor + ", so it would never apply"));
                }
            }
            if (!(rule instanceof FieldRule.Drop)) {
                shared.addAll(categoriesWithin(flow, path));
            }
        }
        return shared;
    }

    /**
     * Checks each organisation's emergency profile with the rules of a flow: its record types have schemas, its
     * fields exist in them, and each rule fits its field. Every problem carries the code
     * {@value AgreementLoader#EMERGENCY_PROFILE_INVALID}.
     *
     * @param pointers where each organisation's emergency section is in {@code organisations.yaml}, by id
     */
    public List<CatalogueProblem> checkEmergencyProfiles(LoadedAgreement organisationsFile, Map<String, String> pointers) {
        List<CatalogueProblem> problems = new ArrayList<>();
        for (Organisation organisation : organisations.values()) {
            EmergencyProfile profile = organisation.emergency();
            if (profile == null) {
                continue;
            }
            String base = pointers.getOrDefault(organisation.id(), "");
            for (int i = 0; i < profile.records().size(); i++) {
                EmergencyProfile.RecordProfile record = profile.records().get(i);
                String pointer = base + "/records/" + i;
                String name = "the emergency profile of " + organisation.id();
                if (!recordSchemas.knows(record.recordType(), record.schemaVersion())) {
                    CatalogueProblem unknown = organisationsFile.problemAt(pointer + "/recordType", name + " names record type "
                            + record.recordType() + " v" + record.schemaVersion() + ", which has no schema");
                    problems.add(coded(unknown, unknown.message()));
                    continue;
                }
                Flow asFlow = new Flow("emergency-" + organisation.id(), organisation.id(), organisation.id(), Direction.OUTBOUND,
                        record.recordType(), record.schemaVersion(), List.of(), Condition.ALWAYS, record.fields(),
                        new Channel(ChannelKind.MAILBOX, organisation.id()));
                List<CatalogueProblem> found = new ArrayList<>();
                checkFields(organisationsFile, name, asFlow, pointer, found);
                // checkScrub names the flow by its id, "flow emergency-<organisation>".
                String scrubName = "flow " + asFlow.id() + " ";
                found.forEach(p -> problems.add(coded(p, p.message().startsWith(scrubName)
                        ? name + " " + p.message().substring(scrubName.length()) : p.message())));
            }
        }
        return List.copyOf(problems);
    }

    private static CatalogueProblem coded(CatalogueProblem problem, String message) {
        return new CatalogueProblem(problem.file(), problem.line(), message, AgreementLoader.EMERGENCY_PROFILE_INVALID);
    }

    private void checkCondition(LoadedAgreement file, String flowName, Flow flow, Condition condition, String pointer,
                                List<CatalogueProblem> problems) {
        if (condition instanceof Condition.Any any) {
            any.conditions().forEach(c -> checkCondition(file, flowName, flow, c, pointer, problems));
        } else if (condition instanceof Condition.All all) {
            all.conditions().forEach(c -> checkCondition(file, flowName, flow, c, pointer, problems));
        } else if (condition instanceof Condition.Not not) {
            checkCondition(file, flowName, flow, not.condition(), pointer, problems);
        } else {
            String path = condition.fields().get(0);
            Optional<RecordField> field = recordSchemas.field(flow.recordType(), flow.schemaVersion(), path);
            if (field.isEmpty() || !field.get().isScalar()) {
                problems.add(file.problemAt(pointer, flowName + " has a condition on " + path
                        + ", which is not a single-valued field of " + flow.recordType() + " v" + flow.schemaVersion()));
            } else if (condition instanceof Condition.In in) {
                for (JsonNode value : in.values()) {
                    if (!fitsField(value, field.get())) {
                        problems.add(file.problemAt(pointer, flowName + " compares " + path + " with " + value
                                + ", a value that field can never hold, so the condition could never be met as written"));
                    }
                }
            }
        }
    }

    private static boolean fitsField(JsonNode value, RecordField field) {
        String type = field.type() == null ? "" : field.type();
        return switch (type) {
            case "boolean" -> value.isBoolean();
            case "integer" -> value.isIntegralNumber();
            case "number" -> value.isNumber();
            case "string" -> value.isString() && (field.allowed().isEmpty() || field.allowed().contains(value.asString()));
            default -> true;
        };
    }

    private void checkEnd(LoadedAgreement file, String flowName, String end, String address, String pointer,
                          Set<String> parties, List<CatalogueProblem> problems) {
        String organisationId = Organisation.organisationOf(address);
        Organisation organisation = organisations.get(organisationId);
        if (organisation == null || !organisation.owns(address)) {
            problems.add(file.problemAt(pointer, flowName + " " + end + " " + address + " is not an organisation or unit in organisations.yaml"));
        } else if (!parties.contains(organisationId)) {
            problems.add(file.problemAt(pointer, flowName + " " + end + " " + address + " is not a party to this agreement"));
        }
    }

    private void checkRuleFits(LoadedAgreement file, String flowName, String path, FieldRule rule, RecordField field,
                               String pointer, List<CatalogueProblem> problems) {
        String unfit = null;
        if (rule instanceof FieldRule.Mask && !"string".equals(field.type())) {
            unfit = "mask needs a text field";
        } else if (rule instanceof FieldRule.Pseudonymise && !(field.isScalar() && field.type() != null && !"boolean".equals(field.type()))) {
            unfit = "pseudonymise needs a text or number field";
        } else if (rule instanceof FieldRule.Generalise g) {
            boolean fits = switch (g.to()) {
                case YEAR, AGE_BAND -> field.isDate();
                case POSTCODE_DISTRICT -> field.isPostcode();
            };
            if (!fits) {
                unfit = "generalise to " + g.to().code() + " needs a "
                        + (g.to() == FieldRule.Generalisation.POSTCODE_DISTRICT ? "postcode" : "date") + " field";
            }
        }
        if (unfit != null) {
            problems.add(file.problemAt(pointer, flowName + " cannot apply " + rule.name() + " to " + path + ": " + unfit));
        }
    }

    private void checkScrub(LoadedAgreement file, Flow flow, String path, FieldRule.Scrub scrub, RecordField field,
                            String pointer, List<CatalogueProblem> problems) {
        String flowName = "flow " + flow.id();
        if (!"string".equals(field.type()) || field.format() != null || field.identifier() != null || !field.allowed().isEmpty()) {
            problems.add(file.problemAt(pointer, flowName + " cannot apply scrub to " + path + ": scrub needs a free-text field"));
        }
        for (int i = 0; i < scrub.namePaths().size(); i++) {
            String namePath = scrub.namePaths().get(i);
            if (recordSchemas.field(flow.recordType(), flow.schemaVersion(), namePath).isEmpty()) {
                problems.add(file.problemAt(pointer + "/names/" + i, flowName + " scrubs " + path + " with names from "
                        + namePath + ", which " + flow.recordType() + " v" + flow.schemaVersion() + " does not have"));
            }
        }
        String patternProblem = scrub.studentNumberPattern() == null ? null : StudentNumberPattern.problemWith(scrub.studentNumberPattern());
        if (patternProblem != null) {
            problems.add(file.problemAt(pointer + "/studentNumberPattern", flowName + " scrubs " + path + " but "
                    + patternProblem));
        }
    }

    private Set<DataCategory> categoriesWithin(Flow flow, String path) {
        Set<DataCategory> categories = EnumSet.noneOf(DataCategory.class);
        for (String candidate : recordSchemas.fieldPaths(flow.recordType(), flow.schemaVersion())) {
            if (candidate.equals(path) || candidate.startsWith(path + ".") || candidate.startsWith(path + "[]")) {
                recordSchemas.categoryOf(flow.recordType(), flow.schemaVersion(), candidate).ifPresent(categories::add);
            }
        }
        return categories;
    }

    /** Enclosing field paths, nearest first: {@code a.b[].c} gives {@code a.b[]}, {@code a.b}, {@code a}. */
    static List<String> ancestors(String path) {
        List<String> ancestors = new ArrayList<>();
        String current = path;
        while (true) {
            if (current.endsWith("[]")) {
                current = current.substring(0, current.length() - 2);
            } else {
                int dot = current.lastIndexOf('.');
                if (dot < 0) {
                    return ancestors;
                }
                current = current.substring(0, dot);
            }
            ancestors.add(current);
        }
    }
}
