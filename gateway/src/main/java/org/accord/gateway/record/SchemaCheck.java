package org.accord.gateway.record;

import java.util.ArrayList;
import java.util.List;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.AnnotationKeyword;
import com.networknt.schema.path.PathType;
import tools.jackson.databind.JsonNode;

/**
 * One compiled JSON Schema (draft 2020-12) that reports violations as JSON Pointers. Formats such as
 * {@code date} are asserted; Accord's {@code x-accord-*} annotation keywords are accepted and ignored.
 * The validator library stays behind this class. Immutable and thread-safe.
 */
public final class SchemaCheck {

    /** Annotation marking special category ({@code special}) or criminal-offence ({@code criminal-offence}) data. */
    public static final String CATEGORY_KEYWORD = "x-accord-category";
    /** Annotation naming the kind of identifier a field holds, for example {@code postcode}. */
    public static final String IDENTIFIER_KEYWORD = "x-accord-identifier";

    private static final SchemaRegistry REGISTRY = newRegistry();

    private final Schema schema;

    private SchemaCheck(Schema schema) {
        this.schema = schema;
    }

    /**
     * @param schemaTree the schema document
     * @throws RuntimeException if the document is not a usable schema
     */
    public static SchemaCheck compile(JsonNode schemaTree) {
        return new SchemaCheck(REGISTRY.getSchema(schemaTree));
    }

    /** The violations of {@code instance}, empty when it is valid; messages name no value from the instance. */
    public List<SchemaViolation> check(JsonNode instance) {
        List<Error> errors = schema.validate(instance);
        List<SchemaViolation> violations = new ArrayList<>(errors.size());
        for (Error error : errors) {
            String pointer = error.getInstanceLocation().toString();
            if ("additionalProperties".equals(error.getKeyword()) && error.getProperty() != null) {
                pointer = pointer + "/" + error.getProperty().replace("~", "~0").replace("/", "~1");
            }
            violations.add(new SchemaViolation(pointer, error.getMessage()));
        }
        return List.copyOf(violations);
    }

    private static SchemaRegistry newRegistry() {
        SchemaRegistryConfig config = SchemaRegistryConfig.builder()
                .pathType(PathType.JSON_POINTER)
                .formatAssertionsEnabled(true)
                .build();
        Dialect dialect = Dialect.builder(Dialects.getDraft202012())
                .keyword(new AnnotationKeyword(CATEGORY_KEYWORD))
                .keyword(new AnnotationKeyword(IDENTIFIER_KEYWORD))
                .build();
        return SchemaRegistry.withDefaultDialect(dialect, b -> b.schemaRegistryConfig(config));
    }
}
