package org.accord.gateway.agreement;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.accord.gateway.redaction.FieldRule;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * An agreement version as the document its signatories read and sign, in the order of the ICO data sharing code's
 * checklist: parties and roles, purposes with necessity and proportionality, legal powers, lawful bases and their
 * conditions, the data shared (one table of fields per flow), security, retention and deletion, individuals' rights,
 * onward sharing, breach handling, review, termination and signatories. Built from exactly the file the gateway
 * enforces, whose SHA-256 it prints; the console page and the PDF are two renderings of it.
 */
public record AgreementDocument(String id, int version, String title, String status, String sha256, String file,
        List<Fact> summary, List<Section> sections, List<SignatureLine> signatures) {

    private static final YAMLMapper YAML = YAMLMapper.builder().build();
    private static final DateTimeFormatter SIGNED_AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    public AgreementDocument {
        summary = List.copyOf(summary);
        sections = List.copyOf(sections);
        signatures = List.copyOf(signatures);
    }

    /** A label and its text. */
    public record Fact(String label, String text) {
    }

    /** A numbered part of the document: facts, and for the data shared, one table per flow. */
    public record Section(String number, String heading, List<Fact> facts, List<FlowTable> flows) {

        public Section {
            facts = List.copyOf(facts);
            flows = List.copyOf(flows);
        }
    }

    /** One flow: what moves from whom to whom and when, and what happens to each field. */
    public record FlowTable(String id, String heading, List<Fact> facts, List<FieldLine> fields) {

        public FlowTable {
            facts = List.copyOf(facts);
            fields = List.copyOf(fields);
        }
    }

    /**
     * One field of a flow.
     *
     * @param field     the field in words, for example "subject, date of birth"
     * @param treatment what happens to it in words, for example "year only"
     * @param path      the field path the gateway enforces
     * @param rule      the rule's code, for example {@code generalise:year}
     */
    public record FieldLine(String field, String treatment, String path, String rule) {
    }

    /** A signatory and what the gateway found of their signature on this exact file. */
    public record SignatureLine(String organisation, String name, String position, String date, String status,
            String certificate, String certificateSha256, String signedAt) {
    }

    /** The document of one agreement version, naming organisations as {@code organisations.yaml} does. */
    public static AgreementDocument of(AgreementVersion version, Map<String, Organisation> organisations) {
        Agreement a = version.agreement();
        JsonNode tree = YAML.readTree(version.file().bytes());
        List<Fact> summary = List.of(
                new Fact("Agreement id", a.id()),
                new Fact("Version", String.valueOf(a.version())),
                new Fact("Status", a.status().name().toLowerCase()),
                new Fact("Effective", a.effective().toString()),
                new Fact("Next review", a.nextReview().toString()),
                new Fact("Expires", a.expires().toString()),
                new Fact("Register reference", a.registerReference() + text(tree, "/register/owner", ", kept by ")),
                new Fact("DPIA", a.dpia().reference() + " of " + a.dpia().date() + text(tree, "/dpia/outcome", ": ")),
                new Fact("File", version.file().name()),
                new Fact("SHA-256 of the file", version.sha256()));
        List<Section> sections = new ArrayList<>();
        sections.add(section("1", "Parties and their roles", a.parties().stream().map(p -> new Fact(name(p.organisation(), organisations),
                p.role().code() + "; ICO registration " + p.icoRegistration() + "; data protection officer " + contact(p.dpo())
                        + "; point of contact " + contact(p.pointOfContact()))).toList()));
        List<Fact> purposes = new ArrayList<>();
        for (Purpose p : a.purposes()) {
            purposes.add(new Fact(p.id(), p.description()));
            purposes.add(new Fact("Why it is necessary", p.necessity()));
            purposes.add(new Fact("Why it is proportionate", p.proportionality()));
        }
        sections.add(section("2", "Purposes, necessity and proportionality", purposes));
        List<Fact> powers = new ArrayList<>();
        for (int i = 0; i < a.legalPowers().size(); i++) {
            LegalPower power = a.legalPowers().get(i);
            powers.add(new Fact(power.code(), power.text() != null ? power.text() : PlainLanguage.code(power.code())));
        }
        sections.add(section("3", "Legal powers", powers));
        sections.add(section("4", "Lawful bases and their conditions", a.lawfulBases().stream().map(b -> new Fact(b.code(),
                PlainLanguage.code(b.code()) + (b.conditions().isEmpty() ? "" : "; conditions: "
                        + b.conditions().stream().map(PlainLanguage::code).collect(Collectors.joining("; "))))).toList()));
        List<FlowTable> flows = new ArrayList<>();
        for (int i = 0; i < a.flows().size(); i++) {
            flows.add(flow(a.flows().get(i), tree.path("flows").path(i), organisations));
        }
        sections.add(new Section("5", "The data shared", List.of(new Fact("Fields not listed in a flow", "never shared"),
                new Fact("Appropriate policy document", a.policyDocumentReference() == null ? "not needed"
                        : a.policyDocumentReference() + text(tree, "/appropriatePolicyDocument/location", " at ")),
                new Fact("Accuracy", text(tree, "/accuracy", ""))), flows));
        sections.add(section("6", "Security", a.security().stream().map(s -> new Fact("Measure", s)).toList()));
        List<Fact> retention = new ArrayList<>();
        for (int i = 0; i < a.retention().size(); i++) {
            Retention r = a.retention().get(i);
            retention.add(new Fact(name(r.organisation(), organisations), "kept for " + r.period() + " from " + r.trigger()
                    + text(tree, "/retention/" + i + "/triggerNote", " (", ")") + ", then " + r.disposal()));
        }
        sections.add(section("7", "Retention and deletion", retention));
        sections.add(section("8", "Individuals' rights", List.of(
                new Fact("Privacy notice", a.subjectRights().privacyNotice()),
                new Fact("Subject access requests", a.subjectRights().accessRequests()),
                new Fact("Other rights", a.subjectRights().otherRights() == null ? "not stated" : a.subjectRights().otherRights()),
                new Fact("Lead organisation", name(a.subjectRights().lead(), organisations)))));
        sections.add(section("9", "Onward sharing", List.of(new Fact(a.onwardSharing().allowed() ? "Allowed" : "Not allowed",
                a.onwardSharing().conditions() == null ? "no conditions stated" : a.onwardSharing().conditions()))));
        List<Fact> breach = new ArrayList<>();
        breach.add(new Fact("Notify the other parties within", a.breach().notifyWithinHours() + " hours"));
        a.breach().contacts().forEach(c -> breach.add(new Fact(name(c.organisation(), organisations),
                c.name() + ", " + c.email() + (c.phone() == null ? "" : ", " + c.phone()))));
        sections.add(section("10", "Breach handling", breach));
        sections.add(section("11", "Review", List.of(new Fact("Next review", a.nextReview().toString()),
                new Fact("Arrangements", text(tree, "/review", "")))));
        sections.add(section("12", "Termination", List.of(new Fact("Expires", a.expires().toString()),
                new Fact("Arrangements", text(tree, "/termination", "")))));
        List<SignatureLine> signatures = new ArrayList<>();
        List<Fact> signatoryFacts = new ArrayList<>();
        for (SignatureStatus s : version.signatures()) {
            Signatory who = s.signatory();
            signatures.add(new SignatureLine(name(who.organisation(), organisations), who.name(), who.position(),
                    who.date().toString(), s.summary(), s.certificateSubject(), s.certificateSha256(),
                    s.signedAt() == null ? null : SIGNED_AT.format(s.signedAt())));
            signatoryFacts.add(new Fact(who.name(), who.position() + ", " + name(who.organisation(), organisations)));
        }
        sections.add(section("13", "Signatories", signatoryFacts));
        return new AgreementDocument(a.id(), a.version(), a.title(), a.status().name().toLowerCase(), version.sha256(),
                version.file().name(), summary, sections, signatures);
    }

    private static FlowTable flow(Flow f, JsonNode node, Map<String, Organisation> organisations) {
        List<Fact> facts = new ArrayList<>();
        String description = text(node, "/description", "");
        if (!description.isEmpty()) {
            facts.add(new Fact("What it is", description));
        }
        facts.add(new Fact("From", address(f.from(), organisations)));
        facts.add(new Fact("To", address(f.to(), organisations)));
        facts.add(new Fact("Record", f.recordType() + " (schema version " + f.schemaVersion() + "), " + f.direction().code()));
        facts.add(new Fact("Purposes", String.join(", ", f.purposes())));
        facts.add(new Fact("Only when", PlainLanguage.condition(f.condition())));
        facts.add(new Fact("Delivered by", f.channel().kind().code() + " to " + f.channel().address()
                + (f.collectWithin() == null ? "" : ", to be collected within " + f.collectWithin())));
        List<FieldLine> fields = f.fields().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> line(e.getKey(), e.getValue())).toList();
        return new FlowTable(f.id(), "Flow " + f.id() + ": " + f.recordType() + " from " + f.from() + " to " + f.to(), facts, fields);
    }

    static FieldLine line(String path, FieldRule rule) {
        return new FieldLine(PlainLanguage.field(path), PlainLanguage.rule(rule), path, rule.name());
    }

    private static Section section(String number, String heading, List<Fact> facts) {
        return new Section(number, heading, facts, List.of());
    }

    private static String name(String organisation, Map<String, Organisation> organisations) {
        Organisation o = organisations.get(organisation);
        return o == null ? organisation : o.name() + " (" + organisation + ")";
    }

    private static String address(String address, Map<String, Organisation> organisations) {
        String organisation = Organisation.organisationOf(address);
        String unit = address.length() > organisation.length() ? ", unit " + address.substring(organisation.length() + 1) : "";
        return name(organisation, organisations) + unit;
    }

    private static String contact(Contact c) {
        return c.name() + (c.role() == null ? "" : " (" + c.role() + ")") + ", " + c.email() + (c.phone() == null ? "" : ", " + c.phone());
    }

    private static String text(JsonNode tree, String pointer, String prefix) {
        return text(tree, pointer, prefix, "");
    }

    private static String text(JsonNode tree, String pointer, String prefix, String suffix) {
        JsonNode value = tree.at(pointer);
        return value.isMissingNode() || value.isNull() ? "" : prefix + value.asString() + suffix;
    }
}
