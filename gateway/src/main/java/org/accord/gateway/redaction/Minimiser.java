package org.accord.gateway.redaction;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.accord.gateway.redaction.scrub.Finding;
import org.accord.gateway.redaction.scrub.ScrubProfile;
import org.accord.gateway.redaction.scrub.ScrubResult;
import org.accord.gateway.redaction.scrub.StudentNumberPattern;
import org.accord.gateway.redaction.scrub.TextScrubber;
import org.accord.gateway.redaction.scrub.TextTooLongException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Applies a {@link RedactionPlan} to a record: named fields are shared or transformed, everything else is
 * withheld. A rule on an object or array applies to all of it; a rule on {@code path[]} applies to each item.
 * A transforming rule meets a value it cannot handle (wrong type, unparseable date or postcode) by withholding
 * it, never by passing it through. Thread-safe.
 */
public final class Minimiser {

    private static final String FIXED_MASK = "********";
    private static final int MIN_KEY_BYTES = 32;
    private static final int MAX_CACHED_PATTERNS = 64;
    private static final Pattern POSTCODE = Pattern.compile("^[A-Z]{1,2}[0-9][A-Z0-9]?[0-9][A-Z]{2}$");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final PseudonymKeys keys;
    private final TextScrubber scrubber;
    private final Map<String, StudentNumberPattern> studentPatterns = new ConcurrentHashMap<>();

    /** With the default scrubber: the shipped UK name lists and a 64 KiB limit per free-text field. */
    public Minimiser(PseudonymKeys keys) {
        this(keys, TextScrubber.withDefaults());
    }

    public Minimiser(PseudonymKeys keys, TextScrubber scrubber) {
        this.keys = keys;
        this.scrubber = scrubber;
    }

    /**
     * @param plan         the flow's rules
     * @param record       the validated record
     * @param transferDate the date of the transfer, for age bands
     * @throws TextTooLongException if a field under a {@code scrub} rule is longer than the scrubber accepts; the
     *                              transfer should be refused, since the field can neither go whole nor be cut
     */
    public MinimisedRecord minimise(RedactionPlan plan, JsonNode record, LocalDate transferDate) {
        Run run = new Run(plan, record, transferDate);
        JsonNode content = run.walk(record, "", "");
        if (content == null) {
            content = NODES.objectNode();
        }
        return new MinimisedRecord(content, List.copyOf(run.shared), List.copyOf(run.transformed.values()),
                List.copyOf(run.withheld), run.replaced);
    }

    private final class Run {
        private final RedactionPlan plan;
        private final JsonNode record;
        private final LocalDate transferDate;
        private final Set<String> shared = new LinkedHashSet<>();
        private final Map<String, FieldTransform> transformed = new LinkedHashMap<>();
        private final Set<String> withheld = new LinkedHashSet<>();
        private final Map<FieldRule.Scrub, ScrubProfile> profiles = new HashMap<>();
        private final List<ReplacedSpan> replaced = new ArrayList<>();

        Run(RedactionPlan plan, JsonNode record, LocalDate transferDate) {
            this.plan = plan;
            this.record = record;
            this.transferDate = transferDate;
        }

        /**
         * @param pointer where the value will be in the minimised record (JSON Pointer), for the spans a scrub replaced
         */
        JsonNode walk(JsonNode node, String path, String pointer) {
            if (node == null || node.isMissingNode()) {
                return null;
            }
            Optional<FieldRule> rule = path.isEmpty() ? Optional.empty() : plan.ruleFor(path);
            if (rule.isPresent()) {
                return apply(rule.get(), node, path, pointer);
            }
            if (node.isObject()) {
                ObjectNode out = NODES.objectNode();
                for (Map.Entry<String, JsonNode> property : node.properties()) {
                    String child = path.isEmpty() ? property.getKey() : path + "." + property.getKey();
                    JsonNode value = walk(property.getValue(), child, pointer + "/" + escape(property.getKey()));
                    if (value != null) {
                        out.set(property.getKey(), value);
                    }
                }
                return out.isEmpty() && !path.isEmpty() ? null : out;
            }
            if (node.isArray()) {
                ArrayNode out = NODES.arrayNode();
                for (JsonNode item : node) {
                    JsonNode value = walk(item, path + "[]", pointer + "/" + out.size());
                    if (value != null) {
                        out.add(value);
                    }
                }
                return out.isEmpty() ? null : out;
            }
            withheld.add(path);
            return null;
        }

        private JsonNode apply(FieldRule rule, JsonNode node, String path, String pointer) {
            if (rule instanceof FieldRule.Share) {
                shared.add(path);
                return node.deepCopy();
            }
            if (rule instanceof FieldRule.Drop) {
                withheld.add(path);
                return null;
            }
            if (node.isNull()) {
                shared.add(path);
                return node;
            }
            if (rule instanceof FieldRule.Scrub scrub) {
                return scrub(scrub, node, path, pointer);
            }
            Optional<String> value = transform(rule, node);
            if (value.isEmpty()) {
                withheld.add(path);
                return null;
            }
            transformed.putIfAbsent(path, new FieldTransform(path, rule.name()));
            return NODES.stringNode(value.get());
        }

        private JsonNode scrub(FieldRule.Scrub rule, JsonNode node, String path, String pointer) {
            if (!node.isString()) {
                withheld.add(path);
                return null;
            }
            ScrubResult result = scrubber.scrub(node.asString(), profile(rule));
            String summary = result.summary();
            String applied = summary.isEmpty() ? rule.name() : rule.name() + ":" + summary;
            FieldTransform previous = transformed.get(path);
            transformed.put(path, new FieldTransform(path, previous == null ? applied : merge(previous.rule(), applied)));
            int shift = 0;
            for (Finding finding : result.findings()) {
                int start = finding.start() + shift;
                String placeholder = finding.type().placeholder();
                replaced.add(new ReplacedSpan(pointer, finding.type().label(), start, start + placeholder.length()));
                shift += placeholder.length() - finding.length();
            }
            return NODES.stringNode(result.text());
        }

        private ScrubProfile profile(FieldRule.Scrub rule) {
            return profiles.computeIfAbsent(rule, r -> new ScrubProfile(RecordNames.at(record, r.namePaths()), r.detectOtherNames(),
                    Optional.ofNullable(r.studentNumberPattern()).map(Minimiser.this::studentNumbers)));
        }

        private Optional<String> transform(FieldRule rule, JsonNode node) {
            if (!node.isValueNode()) {
                return Optional.empty();
            }
            String text = node.asString();
            if (rule instanceof FieldRule.Mask mask) {
                return Optional.of(mask(mask, text));
            }
            if (rule instanceof FieldRule.Pseudonymise) {
                return Optional.of(pseudonym(plan.agreementId(), text));
            }
            return generalise(((FieldRule.Generalise) rule).to(), text);
        }

        private Optional<String> generalise(FieldRule.Generalisation to, String text) {
            switch (to) {
                case YEAR:
                    return parseDate(text).map(date -> Integer.toString(date.getYear()));
                case AGE_BAND:
                    return parseDate(text).map(date -> ageBand(Period.between(date, transferDate).getYears()));
                case POSTCODE_DISTRICT:
                    String compact = text.replace(" ", "").toUpperCase(Locale.ROOT);
                    if (!POSTCODE.matcher(compact).matches()) {
                        return Optional.empty();
                    }
                    return Optional.of(compact.substring(0, compact.length() - 3));
                default:
                    return Optional.empty();
            }
        }
    }

    /**
     * The compiled student number pattern: compiled once per source, since agreements state only a few, and
     * compiling (checking the pattern, finding where its matches can start) costs more than scrubbing a field.
     */
    private StudentNumberPattern studentNumbers(String source) {
        StudentNumberPattern compiled = studentPatterns.get(source);
        if (compiled == null) {
            compiled = StudentNumberPattern.compile(source);
            if (studentPatterns.size() < MAX_CACHED_PATTERNS) {
                studentPatterns.putIfAbsent(source, compiled);
            }
        }
        return compiled;
    }

    /** A key as a JSON Pointer reference token (RFC 6901): '~' and '/' escaped. */
    private static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }

    /** Counts of two scrubs of one path (items of an array) added up: {@code scrub:PHONE=1} and {@code scrub:PHONE=2,NAME=1}. */
    static String merge(String first, String second) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String rule : List.of(first, second)) {
            int colon = rule.indexOf(':');
            if (colon < 0) {
                continue;
            }
            for (String pair : rule.substring(colon + 1).split(",")) {
                String[] kv = pair.split("=");
                counts.merge(kv[0], Integer.parseInt(kv[1]), Integer::sum);
            }
        }
        if (counts.isEmpty()) {
            return "scrub";
        }
        StringBuilder out = new StringBuilder("scrub:");
        counts.forEach((type, count) -> out.append(out.length() > 6 ? "," : "").append(type).append('=').append(count));
        return out.toString();
    }

    private static String mask(FieldRule.Mask mask, String text) {
        if (mask.keepLast() < 0) {
            return FIXED_MASK;
        }
        int keep = Math.min(mask.keepLast(), text.length() / 2);
        return String.valueOf(mask.maskCharacter()).repeat(text.length() - keep) + text.substring(text.length() - keep);
    }

    private String pseudonym(String agreementId, String text) {
        byte[] key = keys.keyFor(agreementId);
        if (key == null || key.length < MIN_KEY_BYTES) {
            throw new IllegalStateException("The pseudonym key for agreement " + agreementId + " is shorter than 32 bytes");
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] digest = mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
            return "ps-" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA-256 is unavailable for agreement " + agreementId, e);
        }
    }

    private static Optional<LocalDate> parseDate(String text) {
        try {
            return Optional.of(LocalDate.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** Bands used for a date of birth generalised on the transfer date. */
    static String ageBand(int age) {
        if (age < 0) {
            return "unknown";
        }
        if (age < 18) {
            return "under-18";
        }
        int[][] bands = {{18, 20}, {21, 24}, {25, 34}, {35, 44}, {45, 54}, {55, 64}};
        for (int[] band : bands) {
            if (age <= band[1]) {
                return band[0] + "-" + band[1];
            }
        }
        return "65-plus";
    }

}
