package org.accord.gateway.agreement;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import org.accord.gateway.redaction.FieldRule;

/**
 * What differs between two versions of an agreement, in the words of the agreement document: fields newly shared or
 * no longer shared, a field rule made stricter or looser, and changes to flows, purposes, parties, legal powers,
 * lawful bases, retention, signatories, status and dates.
 */
public final class AgreementChanges {

    /** The kind of a change, a stable code. */
    public enum Kind {
        FIELD_NEWLY_SHARED, FIELD_NO_LONGER_SHARED, RULE_STRICTER, RULE_LOOSER, RULE_CHANGED, FLOW_ADDED, FLOW_REMOVED,
        FLOW_CHANGED, PURPOSE_ADDED, PURPOSE_REMOVED, PURPOSE_CHANGED, PARTY_ADDED, PARTY_REMOVED, PARTY_CHANGED,
        LEGAL_POWER_ADDED, LEGAL_POWER_REMOVED, LAWFUL_BASIS_ADDED, LAWFUL_BASIS_REMOVED, LAWFUL_BASIS_CHANGED,
        RETENTION_CHANGED, ONWARD_SHARING_CHANGED, SIGNATORY_CHANGED, STATUS_CHANGED, DATE_CHANGED, TITLE_CHANGED
    }

    /**
     * One difference.
     *
     * @param flowOrNull the flow it concerns, if any
     * @param text       the change in words
     */
    public record Change(Kind kind, String flowOrNull, String text) {
    }

    private AgreementChanges() {
    }

    /** The changes from {@code from} to {@code to}, flows first. */
    public static List<Change> between(Agreement from, Agreement to) {
        List<Change> changes = new ArrayList<>();
        Map<String, Flow> oldFlows = byKey(from.flows(), Flow::id);
        Map<String, Flow> newFlows = byKey(to.flows(), Flow::id);
        for (String id : union(oldFlows.keySet(), newFlows.keySet())) {
            Flow before = oldFlows.get(id);
            Flow after = newFlows.get(id);
            if (before == null) {
                changes.add(new Change(Kind.FLOW_ADDED, id, "New flow " + id + ": " + after.recordType() + " from " + after.from()
                        + " to " + after.to() + ", " + after.fields().size() + " fields named"));
            } else if (after == null) {
                changes.add(new Change(Kind.FLOW_REMOVED, id, "Flow " + id + " removed: " + before.recordType() + " from "
                        + before.from() + " to " + before.to() + " no longer moves under this agreement"));
            } else {
                flow(before, after, changes);
            }
        }
        named(changes, from.purposes(), to.purposes(), Purpose::id, Kind.PURPOSE_ADDED, Kind.PURPOSE_REMOVED, Kind.PURPOSE_CHANGED,
                "purpose", p -> p.description());
        named(changes, from.parties(), to.parties(), Party::organisation, Kind.PARTY_ADDED, Kind.PARTY_REMOVED, Kind.PARTY_CHANGED,
                "party", p -> p.role().code() + ", ICO registration " + p.icoRegistration());
        named(changes, from.legalPowers(), to.legalPowers(), LegalPower::code, Kind.LEGAL_POWER_ADDED, Kind.LEGAL_POWER_REMOVED,
                Kind.LEGAL_POWER_ADDED, "legal power", p -> PlainLanguage.code(p.code()));
        named(changes, from.lawfulBases(), to.lawfulBases(), LawfulBasis::code, Kind.LAWFUL_BASIS_ADDED, Kind.LAWFUL_BASIS_REMOVED,
                Kind.LAWFUL_BASIS_CHANGED, "lawful basis", b -> PlainLanguage.code(b.code()) + (b.conditions().isEmpty() ? ""
                        : "; conditions " + String.join(", ", b.conditions())));
        named(changes, from.retention(), to.retention(), Retention::organisation, Kind.RETENTION_CHANGED, Kind.RETENTION_CHANGED,
                Kind.RETENTION_CHANGED, "retention for", r -> r.period() + " from " + r.trigger() + ", then " + r.disposal());
        named(changes, from.signatories(), to.signatories(), s -> s.organisation() + "/" + s.name(), Kind.SIGNATORY_CHANGED,
                Kind.SIGNATORY_CHANGED, Kind.SIGNATORY_CHANGED, "signatory", s -> s.position() + ", dated " + s.date());
        if (!from.onwardSharing().equals(to.onwardSharing())) {
            changes.add(new Change(Kind.ONWARD_SHARING_CHANGED, null, "Onward sharing: " + onward(from.onwardSharing()) + " becomes "
                    + onward(to.onwardSharing())));
        }
        if (from.status() != to.status()) {
            changes.add(new Change(Kind.STATUS_CHANGED, null, "Status " + from.status().name().toLowerCase() + " becomes "
                    + to.status().name().toLowerCase()));
        }
        if (!from.title().equals(to.title())) {
            changes.add(new Change(Kind.TITLE_CHANGED, null, "Title \"" + from.title() + "\" becomes \"" + to.title() + "\""));
        }
        date(changes, "Effective date", from.effective(), to.effective());
        date(changes, "Next review date", from.nextReview(), to.nextReview());
        date(changes, "Expiry date", from.expires(), to.expires());
        return List.copyOf(changes);
    }

    private static void flow(Flow before, Flow after, List<Change> changes) {
        String id = after.id();
        for (String path : union(before.fields().keySet(), after.fields().keySet())) {
            FieldRule was = before.fields().getOrDefault(path, new FieldRule.Drop());
            FieldRule now = after.fields().getOrDefault(path, new FieldRule.Drop());
            if (was.equals(now)) {
                continue;
            }
            String field = PlainLanguage.field(path);
            int openness = openness(now) - openness(was);
            String words = "Flow " + id + ", " + field + " (" + path + "): " + PlainLanguage.rule(was) + " becomes " + PlainLanguage.rule(now);
            if (openness(was) == 0) {
                changes.add(new Change(Kind.FIELD_NEWLY_SHARED, id, "Flow " + id + ", " + field + " (" + path + ") newly shared: "
                        + PlainLanguage.rule(now)));
            } else if (openness(now) == 0) {
                changes.add(new Change(Kind.FIELD_NO_LONGER_SHARED, id, "Flow " + id + ", " + field + " (" + path
                        + ") no longer shared (was: " + PlainLanguage.rule(was) + ")"));
            } else if (openness < 0) {
                changes.add(new Change(Kind.RULE_STRICTER, id, words + " (stricter)"));
            } else if (openness > 0) {
                changes.add(new Change(Kind.RULE_LOOSER, id, words + " (looser)"));
            } else {
                changes.add(new Change(Kind.RULE_CHANGED, id, words));
            }
        }
        List<String> details = new ArrayList<>();
        if (!before.from().equals(after.from()) || !before.to().equals(after.to())) {
            details.add("from " + before.from() + " to " + before.to() + " becomes from " + after.from() + " to " + after.to());
        }
        if (!before.recordType().equals(after.recordType()) || before.schemaVersion() != after.schemaVersion()) {
            details.add("record " + before.recordType() + " v" + before.schemaVersion() + " becomes " + after.recordType() + " v"
                    + after.schemaVersion());
        }
        if (!before.purposes().equals(after.purposes())) {
            details.add("purposes " + before.purposes() + " become " + after.purposes());
        }
        if (!before.condition().equals(after.condition())) {
            details.add("condition \"" + PlainLanguage.condition(before.condition()) + "\" becomes \""
                    + PlainLanguage.condition(after.condition()) + "\"");
        }
        if (!before.channel().equals(after.channel())) {
            details.add("delivery by " + before.channel().kind().code() + " becomes " + after.channel().kind().code());
        }
        if (!Objects.equals(before.collectWithin(), after.collectWithin())) {
            details.add("collection period " + before.collectWithin() + " becomes " + after.collectWithin());
        }
        details.forEach(d -> changes.add(new Change(Kind.FLOW_CHANGED, id, "Flow " + id + ": " + d)));
    }

    /**
     * How much of a field's value reaches the recipient: 0 for nothing, 5 for all of it. Rules between differ in
     * what they keep; two rules of the same openness (year against age band) are a change, neither stricter nor looser.
     */
    static int openness(FieldRule rule) {
        if (rule instanceof FieldRule.Drop) {
            return 0;
        }
        if (rule instanceof FieldRule.Pseudonymise) {
            return 1;
        }
        if (rule instanceof FieldRule.Mask) {
            return 2;
        }
        if (rule instanceof FieldRule.Generalise) {
            return 3;
        }
        if (rule instanceof FieldRule.Scrub) {
            return 4;
        }
        return 5;
    }

    private static <T> void named(List<Change> changes, List<T> before, List<T> after, Function<T, String> key, Kind added,
            Kind removed, Kind changed, String what, Function<T, String> words) {
        Map<String, T> old = byKey(before, key);
        Map<String, T> now = byKey(after, key);
        for (String k : union(old.keySet(), now.keySet())) {
            T was = old.get(k);
            T is = now.get(k);
            if (was == null) {
                changes.add(new Change(added, null, capitalise(what) + " " + k + " added: " + words.apply(is)));
            } else if (is == null) {
                changes.add(new Change(removed, null, capitalise(what) + " " + k + " removed (was: " + words.apply(was) + ")"));
            } else if (!was.equals(is)) {
                String before1 = words.apply(was);
                String after1 = words.apply(is);
                changes.add(new Change(changed, null, capitalise(what) + " " + k + " changed" + (before1.equals(after1) ? ""
                        : ": " + before1 + " becomes " + after1)));
            }
        }
    }

    private static void date(List<Change> changes, String what, Object before, Object after) {
        if (!before.equals(after)) {
            changes.add(new Change(Kind.DATE_CHANGED, null, what + " " + before + " becomes " + after));
        }
    }

    private static String onward(OnwardSharing o) {
        return (o.allowed() ? "allowed" : "not allowed") + (o.conditions() == null ? "" : " (" + o.conditions() + ")");
    }

    private static String capitalise(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static <T> Map<String, T> byKey(List<T> items, Function<T, String> key) {
        Map<String, T> map = new LinkedHashMap<>();
        items.forEach(i -> map.put(key.apply(i), i));
        return map;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }
}
