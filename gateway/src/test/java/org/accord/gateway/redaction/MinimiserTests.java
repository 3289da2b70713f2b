package org.accord.gateway.redaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class MinimiserTests {

    static final LocalDate TRANSFER_DATE = LocalDate.of(2026, 11, 28);
    static final PseudonymKeys KEYS = agreementId -> ("key-for-" + agreementId + "-0123456789abcdef0123456789").getBytes(StandardCharsets.UTF_8);
    static final Minimiser minimiser = new Minimiser(KEYS);

    static final JsonNode RECORD = JsonMapper.shared().readTree("""
            {
              "reference": "NB-1",
              "subject": {
                "names": { "given": "Daniel", "family": "Okafor-Reyes" },
                "dateOfBirth": "2006-03-14",
                "studentId": "NB20240931",
                "aliases": ["D. Reyes", "Dan"],
                "addresses": [
                  { "kind": "term", "town": "Northbridge", "postcode": "NB4 7QX" },
                  { "kind": "home", "town": "Eastmoor", "postcode": "em21ab" }
                ],
                "phones": [ { "kind": "mobile", "number": "07700 900461" } ]
              },
              "concern": { "summary": "free text", "ideologyCategory": "mixed" }
            }
            """);

    static MinimisedRecord minimise(Map<String, FieldRule> rules) {
        return minimiser.minimise(new RedactionPlan("isa-a", "flow", rules), RECORD, TRANSFER_DATE);
    }

    @Test
    void whenFieldsAreNotNamedThenTheyAreWithheld() {
        MinimisedRecord result = minimise(Map.of("reference", new FieldRule.Share()));

        assertThat(result.content().toString()).isEqualTo("{\"reference\":\"NB-1\"}");
        assertThat(result.shared()).containsExactly("reference");
        assertThat(result.withheld()).contains("subject.names.given", "subject.dateOfBirth", "subject.aliases[]",
                "subject.addresses[].postcode", "subject.phones[].number", "concern.summary");
    }

    @Test
    void whenObjectIsSharedThenEverythingInsideGoesAndIsReportedOnce() {
        MinimisedRecord result = minimise(Map.of("subject.names", new FieldRule.Share(), "concern.summary", new FieldRule.Drop()));

        assertThat(result.content().at("/subject/names/family").asString()).isEqualTo("Okafor-Reyes");
        assertThat(result.content().has("concern")).isFalse();
        assertThat(result.shared()).containsExactly("subject.names");
        assertThat(result.withheld()).contains("concern.summary", "concern.ideologyCategory").doesNotContain("subject.names");
    }

    @Test
    void whenRulesNameFieldsInsideArraysThenEachItemKeepsOnlyThoseFields() {
        MinimisedRecord result = minimise(Map.of(
                "subject.addresses[].kind", new FieldRule.Share(),
                "subject.addresses[].postcode", new FieldRule.Share(),
                "subject.aliases[]", new FieldRule.Drop()));

        JsonNode addresses = result.content().at("/subject/addresses");
        assertThat(addresses.size()).isEqualTo(2);
        assertThat(addresses.get(0).toString()).isEqualTo("{\"kind\":\"term\",\"postcode\":\"NB4 7QX\"}");
        assertThat(addresses.get(1).has("town")).isFalse();
        assertThat(result.content().at("/subject/aliases").isMissingNode()).isTrue();
        assertThat(result.shared()).containsExactly("subject.addresses[].kind", "subject.addresses[].postcode");
        assertThat(result.withheld()).contains("subject.addresses[].town", "subject.aliases[]");
    }

    @Test
    void whenMaskKeepsLastCharactersThenTheRestIsHidden() {
        MinimisedRecord result = minimise(Map.of("subject.phones[].number", new FieldRule.Mask(3, '*')));

        assertThat(result.content().at("/subject/phones/0/number").asString()).isEqualTo("*********461");
        assertThat(result.transformed()).containsExactly(new FieldTransform("subject.phones[].number", "mask:keep-last-3"));
    }

    @Test
    void whenMaskIsFixedThenValueAndItsLengthAreHidden() {
        MinimisedRecord result = minimise(Map.of("subject.studentId", new FieldRule.Mask(-1, '*')));

        assertThat(result.content().at("/subject/studentId").asString()).isEqualTo("********");
    }

    @Test
    void whenMaskAsksToKeepMoreThanHalfThenAtLeastHalfIsHidden() {
        MinimisedRecord result = minimise(Map.of("reference", new FieldRule.Mask(8, '#')));

        assertThat(result.content().at("/reference").asString()).isEqualTo("##-1");
    }

    @Test
    void whenDateIsGeneralisedToYearThenOnlyTheYearGoes() {
        MinimisedRecord result = minimise(Map.of("subject.dateOfBirth", new FieldRule.Generalise(FieldRule.Generalisation.YEAR)));

        assertThat(result.content().at("/subject/dateOfBirth").asString()).isEqualTo("2006");
        assertThat(result.transformed()).containsExactly(new FieldTransform("subject.dateOfBirth", "generalise:year"));
    }

    @Test
    void whenDateOfBirthIsGeneralisedToAgeBandThenBandIsOnTheTransferDate() {
        MinimisedRecord result = minimise(Map.of("subject.dateOfBirth", new FieldRule.Generalise(FieldRule.Generalisation.AGE_BAND)));

        assertThat(result.content().at("/subject/dateOfBirth").asString()).isEqualTo("18-20");
        assertThat(Minimiser.ageBand(17)).isEqualTo("under-18");
        assertThat(Minimiser.ageBand(21)).isEqualTo("21-24");
        assertThat(Minimiser.ageBand(70)).isEqualTo("65-plus");
    }

    @Test
    void whenPostcodesAreGeneralisedThenOnlyOutwardCodesGo() {
        MinimisedRecord result = minimise(Map.of("subject.addresses[].postcode",
                new FieldRule.Generalise(FieldRule.Generalisation.POSTCODE_DISTRICT)));

        assertThat(result.content().at("/subject/addresses/0/postcode").asString()).isEqualTo("NB4");
        assertThat(result.content().at("/subject/addresses/1/postcode").asString()).isEqualTo("EM2");
    }

    @Test
    void whenValueCannotBeGeneralisedThenItIsWithheldNotPassedThrough() {
        MinimisedRecord result = minimise(Map.of("subject.studentId", new FieldRule.Generalise(FieldRule.Generalisation.YEAR)));

        assertThat(result.content().at("/subject/studentId").isMissingNode()).isTrue();
        assertThat(result.withheld()).contains("subject.studentId");
        assertThat(result.transformed()).isEmpty();
    }

    @Test
    void whenPseudonymisedThenSameValueSamePseudonymWithinAgreementAndDifferentAcrossAgreements() {
        Map<String, FieldRule> rules = Map.of("subject.studentId", new FieldRule.Pseudonymise());
        String first = minimise(rules).content().at("/subject/studentId").asString();
        String again = minimise(rules).content().at("/subject/studentId").asString();
        String elsewhere = minimiser.minimise(new RedactionPlan("isa-b", "flow", rules), RECORD, TRANSFER_DATE)
                .content().at("/subject/studentId").asString();

        assertThat(first).startsWith("ps-").doesNotContain("NB20240931").isEqualTo(again).isNotEqualTo(elsewhere);
    }

    @Test
    void whenPseudonymKeyIsShortThenMinimiserRefuses() {
        Minimiser weak = new Minimiser(agreementId -> new byte[16]);
        RedactionPlan plan = new RedactionPlan("isa-a", "flow", Map.of("subject.studentId", new FieldRule.Pseudonymise()));

        assertThatThrownBy(() -> weak.minimise(plan, RECORD, TRANSFER_DATE))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageNotContaining("NB20240931");
    }

    @Test
    void whenMinimisingThenInputIsUnchanged() {
        String before = RECORD.toString();

        minimise(Map.of("subject.dateOfBirth", new FieldRule.Generalise(FieldRule.Generalisation.YEAR)));

        assertThat(RECORD.toString()).isEqualTo(before);
    }
}
