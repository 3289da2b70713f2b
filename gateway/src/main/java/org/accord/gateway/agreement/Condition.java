package org.accord.gateway.agreement;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * A condition an agreement flow puts on the record itself, for example "the subject is aware, or a reason
 * why not is given". Fields are named in dot notation (no arrays). Immutable.
 */
public sealed interface Condition {

    /** Whether the record meets the condition. */
    boolean holds(JsonNode record);

    /** The field paths the condition reads, for checking them against the record schema. */
    List<String> fields();

    /** The condition of a flow that states none. */
    Condition ALWAYS = new All(List.of());

    /** The field is present, not null and not an empty string (or, with {@code present = false}, is not). */
    record Present(String field, boolean present) implements Condition {
        public boolean holds(JsonNode record) {
            JsonNode value = valueAt(record, field);
            boolean there = !value.isMissingNode() && !value.isNull() && !(value.isString() && value.asString().isBlank());
            return there == present;
        }

        public List<String> fields() {
            return List.of(field);
        }
    }

    /** The field holds one of the given scalar values (one value for {@code equals}). */
    record In(String field, List<JsonNode> values) implements Condition {
        public In {
            values = List.copyOf(values);
        }

        public boolean holds(JsonNode record) {
            JsonNode value = valueAt(record, field);
            return values.stream().anyMatch(expected -> sameScalar(expected, value));
        }

        public List<String> fields() {
            return List.of(field);
        }
    }

    /** At least one of the conditions holds. */
    record Any(List<Condition> conditions) implements Condition {
        public Any {
            conditions = List.copyOf(conditions);
        }

        public boolean holds(JsonNode record) {
            return conditions.stream().anyMatch(c -> c.holds(record));
        }

        public List<String> fields() {
            return fieldsOf(conditions);
        }
    }

    /** Every condition holds. */
    record All(List<Condition> conditions) implements Condition {
        public All {
            conditions = List.copyOf(conditions);
        }

        public boolean holds(JsonNode record) {
            return conditions.stream().allMatch(c -> c.holds(record));
        }

        public List<String> fields() {
            return fieldsOf(conditions);
        }
    }

    /** The condition does not hold. */
    record Not(Condition condition) implements Condition {
        public boolean holds(JsonNode record) {
            return !condition.holds(record);
        }

        public List<String> fields() {
            return condition.fields();
        }
    }

    private static JsonNode valueAt(JsonNode record, String field) {
        return record.at("/" + field.replace(".", "/"));
    }

    private static boolean sameScalar(JsonNode expected, JsonNode actual) {
        if (expected.isNumber() && actual.isNumber()) {
            return expected.decimalValue().compareTo(actual.decimalValue()) == 0;
        }
        return expected.equals(actual);
    }

    private static List<String> fieldsOf(List<Condition> conditions) {
        List<String> fields = new ArrayList<>();
        conditions.forEach(c -> fields.addAll(c.fields()));
        return List.copyOf(fields);
    }
}
