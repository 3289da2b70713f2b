package org.accord.gateway.agreement;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.accord.gateway.redaction.FieldRule;

/**
 * The words an agreement document uses for what its YAML says in codes: field paths, field rules, lawful bases,
 * conditions and legal powers. A signatory reads these words; the gateway enforces the codes they stand for.
 */
public final class PlainLanguage {

    private static final Map<String, String> BASES = Map.ofEntries(
            Map.entry("UK-GDPR-6-1-e", "UK GDPR Article 6(1)(e): a task in the public interest or in the exercise of official authority"),
            Map.entry("UK-GDPR-9-2-g", "UK GDPR Article 9(2)(g): special category data, for reasons of substantial public interest"),
            Map.entry("UK-GDPR-10", "UK GDPR Article 10: criminal offence data, with a condition in DPA 2018 Schedule 1"),
            Map.entry("DPA-2018-Pt3-s35", "DPA 2018 Part 3 section 35: processing for law enforcement purposes"),
            Map.entry("DPA-2018-Sch1-Pt2-para6", "DPA 2018 Schedule 1 Part 2 paragraph 6: statutory and government purposes"),
            Map.entry("DPA-2018-Sch1-Pt2-para10", "DPA 2018 Schedule 1 Part 2 paragraph 10: preventing or detecting unlawful acts"),
            Map.entry("DPA-2018-Sch1-Pt2-para18", "DPA 2018 Schedule 1 Part 2 paragraph 18: safeguarding of children and of individuals at risk"),
            Map.entry("DPA-2018-Sch8-para1", "DPA 2018 Schedule 8 paragraph 1: statutory purposes"),
            Map.entry("DPA-2018-Sch8-para2", "DPA 2018 Schedule 8 paragraph 2: administration of justice"),
            Map.entry("DPA-2018-Sch8-para3", "DPA 2018 Schedule 8 paragraph 3: protecting the vital interests of an individual"),
            Map.entry("DPA-2018-Sch8-para4", "DPA 2018 Schedule 8 paragraph 4: safeguarding of children and of individuals at risk"),
            Map.entry("CTSA-2015-s26", "Counter-Terrorism and Security Act 2015 section 26: the Prevent duty"),
            Map.entry("CTSA-2015-s36", "Counter-Terrorism and Security Act 2015 section 36: assessment and support by a Channel panel"),
            Map.entry("CTSA-2015-s38", "Counter-Terrorism and Security Act 2015 section 38: partners' cooperation with a Channel panel"),
            Map.entry("CDA-1998-s115", "Crime and Disorder Act 1998 section 115: disclosure to relevant authorities"));

    private PlainLanguage() {
    }

    /** A lawful basis, condition or legal power in words, with its code. */
    public static String code(String code) {
        String words = BASES.get(code);
        return words == null ? code : words + " (" + code + ")";
    }

    /** A field path in words: {@code subject.dateOfBirth} becomes "subject, date of birth". */
    public static String field(String path) {
        return java.util.Arrays.stream(path.split("\\."))
                .map(segment -> {
                    boolean each = segment.endsWith("[]");
                    String name = each ? segment.substring(0, segment.length() - 2) : segment;
                    String words = name.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase();
                    return each ? words + " (each)" : words;
                })
                .collect(Collectors.joining(", "));
    }

    /** What a rule does to a field, in words: "never shared", "year only", and so on. */
    public static String rule(FieldRule rule) {
        if (rule instanceof FieldRule.Share) {
            return "shared as recorded";
        }
        if (rule instanceof FieldRule.Drop) {
            return "never shared";
        }
        if (rule instanceof FieldRule.Mask m) {
            return m.keepLast() < 0 ? "masked: replaced by a fixed mask that hides its length"
                    : "masked: only the last " + m.keepLast() + " characters shown";
        }
        if (rule instanceof FieldRule.Generalise g) {
            switch (g.to()) {
                case YEAR:
                    return "year only";
                case AGE_BAND:
                    return "age band only, on the day of the transfer";
                default:
                    return "postcode district only (the part before the space)";
            }
        }
        if (rule instanceof FieldRule.Pseudonymise) {
            return "replaced by a pseudonym (keyed, the same for the same value under this agreement)";
        }
        FieldRule.Scrub s = (FieldRule.Scrub) rule;
        return "free text: names, phone numbers, addresses and other identifiers removed"
                + (s.namePaths().isEmpty() ? "" : "; the names in " + s.namePaths().stream().map(PlainLanguage::field)
                        .collect(Collectors.joining("; ")) + " are found and removed")
                + (s.detectOtherNames() ? "; other people's names are detected and removed" : "")
                + (s.studentNumberPattern() == null ? "" : "; student numbers are removed");
    }

    /** A flow's condition on the record, in words. */
    public static String condition(Condition condition) {
        if (condition instanceof Condition.Present p) {
            return field(p.field()) + (p.present() ? " is given" : " is not given");
        }
        if (condition instanceof Condition.In in) {
            return field(in.field()) + (in.values().size() == 1 ? " is " + in.values().get(0).asString()
                    : " is one of " + in.values().stream().map(v -> v.asString()).collect(Collectors.joining(", ")));
        }
        if (condition instanceof Condition.Not n) {
            return "not: " + condition(n.condition());
        }
        if (condition instanceof Condition.Any any) {
            return any.conditions().size() == 1 ? condition(any.conditions().get(0)) : "either " + join(any.conditions(), " or ");
        }
        Condition.All all = (Condition.All) condition;
        return all.conditions().isEmpty() ? "none" : all.conditions().size() == 1
                ? condition(all.conditions().get(0)) : join(all.conditions(), "; and ");
    }

    private static String join(List<Condition> conditions, String separator) {
        return conditions.stream().map(c -> c instanceof Condition.Any || c instanceof Condition.All
                ? "(" + condition(c) + ")" : condition(c)).collect(Collectors.joining(separator));
    }
}
