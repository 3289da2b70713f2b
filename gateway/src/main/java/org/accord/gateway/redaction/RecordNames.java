package org.accord.gateway.redaction;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/** The text values at field paths of a record (every string inside objects and arrays there), as names to scrub. */
final class RecordNames {

    private RecordNames() {
    }

    static List<String> at(JsonNode record, List<String> paths) {
        List<String> names = new ArrayList<>();
        for (String path : paths) {
            collect(record, path.isEmpty() ? new String[0] : path.split("\\."), 0, names);
        }
        return names;
    }

    private static void collect(JsonNode node, String[] segments, int index, List<String> out) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return;
        }
        if (index == segments.length) {
            strings(node, out);
            return;
        }
        String segment = segments[index];
        boolean each = segment.endsWith("[]");
        JsonNode child = node.get(each ? segment.substring(0, segment.length() - 2) : segment);
        if (each && child != null && child.isArray()) {
            for (JsonNode item : child) {
                collect(item, segments, index + 1, out);
            }
        } else {
            collect(child, segments, index + 1, out);
        }
    }

    private static void strings(JsonNode node, List<String> out) {
        if (node.isString()) {
            out.add(node.asString());
        } else if (node.isObject()) {
            for (Map.Entry<String, JsonNode> property : node.properties()) {
                strings(property.getValue(), out);
            }
        } else if (node.isArray()) {
            for (JsonNode item : node) {
                strings(item, out);
            }
        }
    }
}
