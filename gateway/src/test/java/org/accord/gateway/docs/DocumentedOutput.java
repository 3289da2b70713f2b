package org.accord.gateway.docs;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * How a documented output is compared with what a command printed. {@code …} stands for anything (an id, a time, a
 * digest). A JSON block matches a JSON line of the output that has at least its members with those values (more
 * members may follow, an array may hold more items). A text or HTTP block's lines must each match a line of the
 * output, in order, lines between them allowed; a line of it that is JSON is compared as JSON.
 */
final class DocumentedOutput {

    private static final Set<String> LANGUAGES = Set.of("text", "http", "json");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String ANYTHING = "…";

    private DocumentedOutput() {
    }

    static boolean isOutput(String language) {
        return LANGUAGES.contains(language);
    }

    /** Null when the output holds, otherwise what is missing. */
    static String mismatch(String language, String expected, String actual) {
        List<String> printed = actual.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
        if (language.equals("json")) {
            JsonNode wanted = JSON.readTree(expected);
            return printed.stream().anyMatch(line -> matchesJson(wanted, line)) ? null : "no JSON line holds " + wanted;
        }
        int from = 0;
        for (String line : expected.lines().map(String::strip).filter(line -> !line.isEmpty()).toList()) {
            int found = -1;
            for (int i = from; i < printed.size() && found < 0; i++) {
                if (matchesLine(line, printed.get(i))) {
                    found = i;
                }
            }
            if (found < 0) {
                return "no line (after the ones already matched) matches: " + line;
            }
            from = found + 1;
        }
        return null;
    }

    private static boolean matchesLine(String expected, String actual) {
        if (expected.startsWith("{") || expected.startsWith("[")) {
            return matchesJson(JSON.readTree(expected), actual);
        }
        return glob(expected).matcher(actual).matches();
    }

    private static boolean matchesJson(JsonNode expected, String line) {
        if (!(line.startsWith("{") || line.startsWith("["))) {
            return false;
        }
        try {
            return contains(expected, JSON.readTree(line));
        }
        catch (JacksonException notJson) {
            return false;
        }
    }

    private static boolean contains(JsonNode expected, JsonNode actual) {
        if (expected.isString() && expected.asString().contains(ANYTHING)) {
            return expected.asString().equals(ANYTHING) || (actual.isString() && glob(expected.asString()).matcher(actual.asString()).matches());
        }
        if (expected.isObject()) {
            if (!actual.isObject()) {
                return false;
            }
            for (Map.Entry<String, JsonNode> member : expected.properties()) {
                JsonNode value = actual.get(member.getKey());
                if (value == null || !contains(member.getValue(), value)) {
                    return false;
                }
            }
            return true;
        }
        if (expected.isArray()) {
            if (!actual.isArray()) {
                return false;
            }
            List<JsonNode> items = new ArrayList<>();
            actual.values().forEach(items::add);
            for (JsonNode wanted : expected.values()) {
                Iterator<JsonNode> candidates = items.iterator();
                boolean found = false;
                while (candidates.hasNext() && !found) {
                    if (contains(wanted, candidates.next())) {
                        candidates.remove();
                        found = true;
                    }
                }
                if (!found) {
                    return false;
                }
            }
            return true;
        }
        return expected.equals(actual);
    }

    private static Pattern glob(String text) {
        StringBuilder regex = new StringBuilder();
        for (String part : text.split(ANYTHING, -1)) {
            if (!regex.isEmpty()) {
                regex.append(".*");
            }
            regex.append(Pattern.quote(part));
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }
}
