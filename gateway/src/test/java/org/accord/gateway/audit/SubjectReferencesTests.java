package org.accord.gateway.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.accord.gateway.support.Fixtures;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class SubjectReferencesTests {

    private static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes();
    private final SubjectReferences refs = new SubjectReferences(SECRET, null, null);
    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void whenSamePersonIsNamedInDifferentRecordTypesThenReferencesAreTheSame() {
        ObjectNode referral = Fixtures.example("prevent-referral");
        ObjectNode concern = Fixtures.example("safeguarding-concern");
        ObjectNode request = Fixtures.example("channel-information-request");
        concern.set("subject", referral.get("subject").deepCopy());
        ObjectNode person = (ObjectNode) request.get("person");
        person.set("names", referral.get("subject").get("names").deepCopy());
        person.put("dateOfBirth", referral.get("subject").get("dateOfBirth").asString());
        person.put("studentId", referral.get("subject").get("studentId").asString());

        List<String> fromReferral = refs.referencesFor("prevent-referral", referral);

        assertThat(fromReferral).hasSize(2);
        assertThat(refs.referencesFor("safeguarding-concern", concern)).isEqualTo(fromReferral);
        assertThat(refs.referencesFor("channel-information-request", request)).isEqualTo(fromReferral);
    }

    @Test
    void whenSearchGivesTheIdentifiersInAnotherFormThenTheyMatchTheRecord() {
        List<String> fromRecord = refs.referencesFor("prevent-referral", Fixtures.example("prevent-referral"));

        assertThat(refs.referencesOf(" nb2024-0931 ", null, null)).containsExactly(fromRecord.get(0));
        assertThat(refs.referencesOf(null, "  OKAFOR reyes", "2006-03-14")).containsExactly(fromRecord.get(1));
        assertThat(refs.referencesOf(null, "Okafor–Reyes", "2006-03-14")).containsExactly(fromRecord.get(1));
    }

    @Test
    void whenPeopleDifferThenReferencesDiffer() {
        assertThat(refs.referencesOf("NB20240931", "Okafor-Reyes", "2006-03-14"))
                .doesNotContainAnyElementsOf(refs.referencesOf("NB20240932", "Okafor-Reyes", "2006-03-15"));
        assertThat(refs.referencesOf(null, "Okafor-Reyes", "2006-03-14"))
                .isNotEqualTo(refs.referencesOf(null, "Okafor-Rayes", "2006-03-14"));
    }

    @Test
    void whenTheSecretDiffersThenReferencesCannotBeLinked() {
        SubjectReferences other = new SubjectReferences("fedcba9876543210fedcba9876543210".getBytes(), null, null);

        assertThat(other.referencesOf("NB20240931", null, null)).isNotEqualTo(refs.referencesOf("NB20240931", null, null));
    }

    @Test
    void whenNamesHaveAccentsPunctuationOrSpacingThenTheyNormaliseAlike() {
        assertThat(SubjectReferences.normaliseName("  Ó'Brien-Smith ")).isEqualTo("obrien smith");
        assertThat(SubjectReferences.normaliseName("obrien   smith")).isEqualTo("obrien smith");
        assertThat(SubjectReferences.normaliseName(" - ")).isNull();
        assertThat(SubjectReferences.normaliseStudentId(" nb 2024-0931")).isEqualTo("NB20240931");
    }

    @Test
    void whenRecordNamesNoOneOrHalfAnIdentifierThenNoReferences() {
        assertThat(refs.referencesFor("referral-outcome", Fixtures.example("referral-outcome"))).isEmpty();
        assertThat(refs.referencesFor("channel-information-response", Fixtures.example("channel-information-response"))).isEmpty();
        assertThat(refs.referencesOf(null, "Okafor-Reyes", null)).isEmpty();
        assertThat(refs.referencesFor("prevent-referral", json.createObjectNode())).isEmpty();
        assertThat(refs.referencesFor("prevent-referral", null)).isEmpty();
    }

    @Test
    void whenReferenceIsMadeThenItHoldsNoIdentifier() {
        assertThat(refs.referencesOf("NB20240931", "Okafor-Reyes", "2006-03-14"))
                .allMatch(r -> r.matches("[0-9a-f]{64}"));
    }

    @Test
    void whenSecretIsShortThenRefused() {
        assertThatThrownBy(() -> new SubjectReferences(new byte[16], null, null)).isInstanceOf(IllegalArgumentException.class);
    }
}
