package org.accord.gateway.redaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.accord.gateway.redaction.scrub.DictionaryNameDetector;
import org.accord.gateway.redaction.scrub.TextScrubber;
import org.accord.gateway.redaction.scrub.TextTooLongException;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class MinimiserScrubTests {

    static final LocalDate TRANSFER_DATE = LocalDate.of(2026, 11, 28);
    static final PseudonymKeys KEYS = agreementId -> ("key-for-" + agreementId + "-0123456789abcdef0123456789").getBytes(StandardCharsets.UTF_8);
    static final Minimiser minimiser = new Minimiser(KEYS);

    static final JsonNode RECORD = JsonMapper.shared().readTree("""
            {
              "subject": {
                "names": { "given": "Daniel", "family": "Okafor-Reyes", "preferred": "Dan" },
                "aliases": ["D. Reyes"]
              },
              "referrer": { "name": "Helen Marsh" },
              "otherAgencies": [ { "name": "Counselling", "contact": { "name": "Priya Raman", "phone": "01632 960111" } } ],
              "concern": {
                "summary": "DANIEL told Helen Marsh that Dan's new friend Tom Whitlock (07700 900461) shared a video. Priya Raman from counselling agreed. His student number is NB20240931.",
                "ideologyCategory": "mixed",
                "event": { "date": "2026-11-02" }
              },
              "vulnerabilities": { "notes": ["not text"] }
            }
            """);

    static final FieldRule.Scrub FULL = new FieldRule.Scrub(
            List.of("subject.names", "subject.aliases", "referrer.name", "otherAgencies[].contact.name"), true, "NB[0-9]{8}");

    static MinimisedRecord minimise(Map<String, FieldRule> rules) {
        return minimiser.minimise(new RedactionPlan("isa-a", "flow", rules), RECORD, TRANSFER_DATE);
    }

    @Test
    void whenFieldIsScrubbedThenRecordNamesIdentifiersAndOtherNamesBecomePlaceholders() {
        MinimisedRecord result = minimise(Map.of("concern.summary", FULL));

        assertThat(result.content().at("/concern/summary").asString()).isEqualTo(
                "[NAME] told [NAME] that [NAME]'s new friend [NAME] ([PHONE]) shared a video. [NAME] from counselling agreed. "
                        + "His student number is [STUDENT-ID].");
    }

    @Test
    void whenFieldIsScrubbedThenTransferLogHoldsCountsPerTypeAndNoValues() {
        MinimisedRecord result = minimise(Map.of("concern.summary", FULL));

        assertThat(result.transformed()).containsExactly(new FieldTransform("concern.summary", "scrub:PHONE=1,STUDENT-ID=1,NAME=5"));
        assertThat(result.shared()).doesNotContain("concern.summary");
    }

    @Test
    void whenRuleNamesNoPathsAndNoDetectionThenOnlyStructuredIdentifiersGo() {
        MinimisedRecord result = minimise(Map.of("concern.summary", new FieldRule.Scrub()));

        assertThat(result.content().at("/concern/summary").asString())
                .startsWith("DANIEL told Helen Marsh that Dan's new friend Tom Whitlock ([PHONE])")
                .endsWith("His student number is NB20240931.");
    }

    @Test
    void whenScrubMeetsNonTextThenValueIsWithheld() {
        MinimisedRecord result = minimise(Map.of("vulnerabilities.notes", FULL, "concern.event.date", new FieldRule.Share()));

        assertThat(result.content().has("vulnerabilities")).isFalse();
        assertThat(result.withheld()).contains("vulnerabilities.notes");
    }

    @Test
    void whenScrubbedFieldIsTooLongThenMinimisingRefusesWithCodeAndNoText() {
        Minimiser strict = new Minimiser(KEYS, new TextScrubber(DictionaryNameDetector.ukNames(), 40));

        assertThatThrownBy(() -> strict.minimise(new RedactionPlan("isa-a", "flow", Map.of("concern.summary", FULL)), RECORD, TRANSFER_DATE))
                .isInstanceOf(TextTooLongException.class)
                .hasMessageStartingWith(TextTooLongException.CODE)
                .hasMessageNotContaining("Daniel");
    }

    @Test
    void whenArrayItemsAreScrubbedThenCountsAddUp() {
        assertThat(Minimiser.merge("scrub:PHONE=1", "scrub:PHONE=2,NAME=1")).isEqualTo("scrub:PHONE=3,NAME=1");
        assertThat(Minimiser.merge("scrub", "scrub")).isEqualTo("scrub");
    }
}
