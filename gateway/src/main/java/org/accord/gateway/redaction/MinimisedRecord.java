package org.accord.gateway.redaction;

import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * A record after minimisation, with an account of what happened to each field present in the input, for the
 * transfer log. Paths are field paths (dot notation, {@code []} for array items), each listed once.
 *
 * @param content     what may be sent
 * @param shared      fields sent unchanged
 * @param transformed fields sent changed, with the rule applied
 * @param withheld    fields present in the input and not sent
 * @param replaced    where in {@code content} a scrub put a placeholder, and for what; for the dry run's preview
 *                    only, never for the transfer log
 */
public record MinimisedRecord(JsonNode content, List<String> shared, List<FieldTransform> transformed, List<String> withheld,
                              List<ReplacedSpan> replaced) {

    public MinimisedRecord {
        shared = List.copyOf(shared);
        transformed = List.copyOf(transformed);
        withheld = List.copyOf(withheld);
        replaced = List.copyOf(replaced);
    }
}
