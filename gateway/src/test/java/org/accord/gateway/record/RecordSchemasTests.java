package org.accord.gateway.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class RecordSchemasTests {

    static final Path SCHEMAS = Path.of("../schemas");
    static final RecordSchemas schemas = RecordSchemas.fromDirectory(SCHEMAS.resolve("records"));

    static ObjectNode example() {
        return (ObjectNode) JsonMapper.shared().readTree(SCHEMAS.resolve("examples/prevent-referral.v1.example.json").toFile());
    }

    @Test
    void whenShippedSchemasLoadThenEveryRecordTypeIsKnown() {
        assertThat(schemas.recordTypes()).extracting(RecordTypeVersion::toString).containsExactlyInAnyOrder(
                "prevent-referral v1", "channel-information-request v1", "channel-information-response v1",
                "referral-outcome v1", "safeguarding-concern v1");
        assertThat(schemas.knows("prevent-referral", 2)).isFalse();
    }

    @Test
    void whenExampleReferralIsValidatedThenItHasNoViolations() {
        assertThat(schemas.validate("prevent-referral", 1, example())).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"prevent-referral", "channel-information-request", "channel-information-response",
            "referral-outcome", "safeguarding-concern"})
    void whenEachExampleIsValidatedThenItMeetsItsSchema(String recordType) {
        JsonNode record = JsonMapper.shared().readTree(SCHEMAS.resolve("examples/" + recordType + ".v1.example.json").toFile());

        assertThat(schemas.validate(recordType, 1, record)).isEmpty();
    }

    @Test
    void whenDateOfBirthIsMalformedThenViolationPointsAtIt() {
        ObjectNode record = example();
        ((ObjectNode) record.get("subject")).put("dateOfBirth", "14/03/2006");

        List<SchemaViolation> violations = schemas.validate("prevent-referral", 1, record);

        assertThat(violations).extracting(SchemaViolation::pointer).contains("/subject/dateOfBirth");
        assertThat(violations).extracting(SchemaViolation::message).noneMatch(m -> m.contains("14/03/2006"));
    }

    @Test
    void whenRecordHasUnexpectedPropertyThenViolationPointsAtTheProperty() {
        ObjectNode record = example();
        ((ObjectNode) record.get("subject")).put("shoeSize", "10");

        assertThat(schemas.validate("prevent-referral", 1, record))
                .extracting(SchemaViolation::pointer).containsExactly("/subject/shoeSize");
    }

    @Test
    void whenTextIsTooLongOrEnumUnknownThenRecordIsRejected() {
        ObjectNode record = example();
        ((ObjectNode) record.get("concern")).put("summary", "x".repeat(4001));
        ((ObjectNode) record.get("concern")).put("ideologyCategory", "anything");

        assertThat(schemas.validate("prevent-referral", 1, record))
                .extracting(SchemaViolation::pointer).contains("/concern/summary", "/concern/ideologyCategory");
    }

    @Test
    void whenDateIsWellFormedButImpossibleThenRecordIsRejected() {
        ObjectNode record = example();
        record.put("referralDate", "2026-02-30");

        assertThat(schemas.validate("prevent-referral", 1, record)).extracting(SchemaViolation::pointer).contains("/referralDate");
    }

    @Test
    void whenArrayIsTooLongThenRecordIsRejected() {
        ObjectNode record = example();
        for (int i = 0; i < 10; i++) {
            ((tools.jackson.databind.node.ArrayNode) record.get("subject").get("aliases")).add("alias");
        }

        assertThat(schemas.validate("prevent-referral", 1, record)).extracting(SchemaViolation::pointer).contains("/subject/aliases");
    }

    @Test
    void whenRecordTypeIsUnknownThenValidateRefuses() {
        JsonNode record = example();

        assertThatThrownBy(() -> schemas.validate("prevent-referral", 9, record)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void whenSchemaIsReadThenFieldPathsIncludeArrayItemsAndReferencedDefinitions() {
        assertThat(schemas.fieldPaths("prevent-referral", 1)).contains(
                "subject.names.given", "subject.addresses", "subject.addresses[].postcode", "subject.aliases[]",
                "subject.phones[].number", "consent.reasonNotAware", "referrer.preventLeadConsulted");
        assertThat(schemas.field("prevent-referral", 1, "subject.addresses[].postcode")).get()
                .satisfies(f -> assertThat(f.isPostcode()).isTrue());
        assertThat(schemas.field("prevent-referral", 1, "subject.dateOfBirth")).get()
                .satisfies(f -> assertThat(f.isDate()).isTrue());
    }

    @Test
    void whenFieldIsMarkedThenCategoryIsReportedAndInheritedByNestedFields() {
        assertThat(schemas.categoryOf("prevent-referral", 1, "subject.ethnicity")).contains(DataCategory.SPECIAL);
        assertThat(schemas.categoryOf("prevent-referral", 1, "vulnerabilities.notes")).contains(DataCategory.SPECIAL);
        assertThat(schemas.categoryOf("prevent-referral", 1, "concern.threatsOrIntent")).contains(DataCategory.CRIMINAL_OFFENCE);
        assertThat(schemas.categoryOf("prevent-referral", 1, "subject.course")).isEqualTo(Optional.empty());
    }

    @Test
    void whenLoadedFromClasspathThenSameSchemasAreKnown() {
        assertThat(RecordSchemas.fromClasspath().recordTypes()).isEqualTo(schemas.recordTypes());
    }
}
