package org.accord.gateway.record;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The record schemas this gateway knows: one JSON Schema (draft 2020-12) per record type and version,
 * loaded from files named {@code <record-type>.v<version>.schema.json}. Validates records and describes
 * their fields for agreement checks. Immutable and safe to share between threads.
 */
public final class RecordSchemas {

    /** Classpath folder the build copies {@code schemas/records/} to. */
    public static final String CLASSPATH_ROOT = "accord/schemas/records";

    private static final Pattern FILE_NAME = Pattern.compile("([a-z0-9][a-z0-9-]*)\\.v([0-9]+)\\.schema\\.json");

    private final Map<RecordTypeVersion, SchemaCheck> schemas;
    private final Map<RecordTypeVersion, Map<String, RecordField>> fields;

    private RecordSchemas(Map<RecordTypeVersion, SchemaCheck> schemas, Map<RecordTypeVersion, Map<String, RecordField>> fields) {
        this.schemas = Map.copyOf(schemas);
        this.fields = Map.copyOf(fields);
    }

    /** The schemas packaged with the gateway. */
    public static RecordSchemas fromClasspath() {
        return of(SourceFile.onClasspath(CLASSPATH_ROOT, "*.schema.json"));
    }

    /** The schemas in a folder, for example {@code schemas/records}. */
    public static RecordSchemas fromDirectory(Path directory) {
        return of(SourceFile.inDirectory(directory, "*.schema.json"));
    }

    /**
     * Schemas from files already read.
     *
     * @throws IllegalArgumentException if a file is misnamed or is not a JSON Schema
     */
    public static RecordSchemas of(List<SourceFile> files) {
        JsonMapper mapper = JsonMapper.shared();
        Map<RecordTypeVersion, SchemaCheck> schemas = new HashMap<>();
        Map<RecordTypeVersion, Map<String, RecordField>> fields = new HashMap<>();
        for (SourceFile file : files) {
            Matcher name = FILE_NAME.matcher(file.name());
            if (!name.matches()) {
                throw new IllegalArgumentException("Record schema file " + file.name()
                        + " is not named <record-type>.v<version>.schema.json");
            }
            RecordTypeVersion key = new RecordTypeVersion(name.group(1), Integer.parseInt(name.group(2)));
            JsonNode tree;
            try {
                tree = mapper.readTree(file.bytes());
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("Record schema file " + file.name() + " is not JSON", e);
            }
            schemas.put(key, SchemaCheck.compile(tree));
            fields.put(key, Collections.unmodifiableMap(SchemaFieldWalker.fields(tree)));
        }
        return new RecordSchemas(schemas, fields);
    }

    public boolean knows(String recordType, int version) {
        return schemas.containsKey(new RecordTypeVersion(recordType, version));
    }

    public Set<RecordTypeVersion> recordTypes() {
        return schemas.keySet();
    }

    /**
     * Validates a record against its schema.
     *
     * @return the violations, empty when the record is valid
     * @throws IllegalArgumentException if this record type and version is unknown
     */
    public List<SchemaViolation> validate(String recordType, int version, JsonNode record) {
        SchemaCheck schema = schemas.get(new RecordTypeVersion(recordType, version));
        if (schema == null) {
            throw new IllegalArgumentException("Unknown record type " + recordType + " v" + version);
        }
        return schema.check(record);
    }

    /** Every field path the schema defines, in schema order; empty for an unknown record type. */
    public Set<String> fieldPaths(String recordType, int version) {
        return fieldMap(recordType, version).keySet();
    }

    public Optional<RecordField> field(String recordType, int version, String path) {
        return Optional.ofNullable(fieldMap(recordType, version).get(path));
    }

    /** The data category of a field, if the schema marks it or an enclosing field as special or criminal-offence data. */
    public Optional<DataCategory> categoryOf(String recordType, int version, String path) {
        return field(recordType, version, path).flatMap(RecordField::category);
    }

    private Map<String, RecordField> fieldMap(String recordType, int version) {
        return fields.getOrDefault(new RecordTypeVersion(recordType, version), Map.of());
    }

    /** Reads the field tree out of a schema, following local {@code $ref}s. */
    private static final class SchemaFieldWalker {

        private final JsonNode root;
        private final Map<String, RecordField> fields = new LinkedHashMap<>();

        private SchemaFieldWalker(JsonNode root) {
            this.root = root;
        }

        static Map<String, RecordField> fields(JsonNode root) {
            SchemaFieldWalker walker = new SchemaFieldWalker(root);
            walker.walk(root, "", Optional.empty(), 0);
            return walker.fields;
        }

        private void walk(JsonNode node, String path, Optional<DataCategory> inherited, int depth) {
            if (depth > 32) {
                throw new IllegalArgumentException("Record schema nests too deeply at " + path);
            }
            JsonNode schema = resolve(node);
            Optional<DataCategory> category = DataCategory.fromCode(text(schema, SchemaCheck.CATEGORY_KEYWORD))
                    .or(() -> DataCategory.fromCode(text(node, SchemaCheck.CATEGORY_KEYWORD)))
                    .or(() -> inherited);
            if (!path.isEmpty()) {
                List<String> allowed = new ArrayList<>();
                schema.path("enum").forEach(value -> allowed.add(value.asString()));
                fields.put(path, new RecordField(path, text(schema, "type"), text(schema, "format"),
                        text(schema, SchemaCheck.IDENTIFIER_KEYWORD), category, allowed));
            }
            JsonNode properties = schema.get("properties");
            if (properties != null) {
                for (Map.Entry<String, JsonNode> property : properties.properties()) {
                    String child = path.isEmpty() ? property.getKey() : path + "." + property.getKey();
                    walk(property.getValue(), child, category, depth + 1);
                }
            }
            JsonNode items = schema.get("items");
            if (items != null && items.isObject()) {
                walk(items, path + "[]", category, depth + 1);
            }
        }

        private JsonNode resolve(JsonNode node) {
            JsonNode current = node;
            for (int hops = 0; current.has("$ref") && hops < 8; hops++) {
                String ref = current.get("$ref").asString();
                if (!ref.startsWith("#/")) {
                    throw new IllegalArgumentException("Record schemas may only use local references, not " + ref);
                }
                current = root.at(ref.substring(1));
                if (current.isMissingNode()) {
                    throw new IllegalArgumentException("Record schema reference " + ref + " points nowhere");
                }
            }
            return current;
        }

        private static String text(JsonNode node, String name) {
            JsonNode value = node.get(name);
            return value != null && value.isString() ? value.asString() : null;
        }
    }
}
