package org.accord.gateway.agreement;

import java.util.HashMap;
import java.util.Map;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** Maps JSON Pointers into a YAML document to the line each value starts on, for problem reports. */
final class LineIndex {

    static final LineIndex EMPTY = new LineIndex(Map.of());

    private final Map<String, Integer> lines;

    private LineIndex(Map<String, Integer> lines) {
        this.lines = lines;
    }

    static LineIndex of(YAMLMapper mapper, byte[] yaml) {
        Map<String, Integer> lines = new HashMap<>();
        try (JsonParser parser = mapper.createParser(yaml)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                int line = parser.currentTokenLocation().getLineNr();
                TokenStreamContext context = parser.streamReadContext();
                if (token == JsonToken.PROPERTY_NAME) {
                    lines.putIfAbsent(context.pathAsPointer().toString(), line);
                } else if (token.isStructStart()) {
                    TokenStreamContext parent = context.getParent();
                    if (parent != null && parent.inArray()) {
                        lines.putIfAbsent(parent.pathAsPointer().toString(), line);
                    }
                } else if (context.inArray()) {
                    lines.putIfAbsent(context.pathAsPointer().toString(), line);
                }
            }
        } catch (RuntimeException e) {
            return new LineIndex(lines);
        }
        return new LineIndex(lines);
    }

    /** The line of the value at {@code pointer}, or of its nearest enclosing value; 0 if unknown. */
    int lineOf(String pointer) {
        String current = pointer;
        while (true) {
            Integer line = lines.get(current);
            if (line != null) {
                return line;
            }
            int slash = current.lastIndexOf('/');
            if (slash < 0) {
                return lines.isEmpty() ? 0 : 1;
            }
            current = current.substring(0, slash);
        }
    }

    /** A pointer segment for a map key, escaped as RFC 6901 requires. */
    static String segment(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }
}
