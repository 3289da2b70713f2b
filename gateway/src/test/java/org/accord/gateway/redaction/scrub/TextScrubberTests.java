package org.accord.gateway.redaction.scrub;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class TextScrubberTests {

    static final TextScrubber scrubber = TextScrubber.withDefaults();
    static final String TEXT = "Daniel (07700 900461, daniel@mail.example) met Mr Patel on 14/03/2026 at M13 9PL.";

    @Test
    void whenTextIsScrubbedThenFindingsGiveTypeAndPositionInTheOriginal() {
        ScrubResult result = scrubber.scrub(TEXT, new ScrubProfile(List.of("Daniel"), true, Optional.empty()));

        assertThat(result.text()).isEqualTo("[NAME] ([PHONE], [EMAIL]) met Mr [NAME] on [DATE] at [POSTCODE].");
        assertThat(result.findings()).extracting(f -> TEXT.substring(f.start(), f.end()))
                .containsExactly("Daniel", "07700 900461", "daniel@mail.example", "Patel", "14/03/2026", "M13 9PL");
        assertThat(result.findings()).extracting(Finding::type).containsExactly(IdentifierType.NAME, IdentifierType.PHONE,
                IdentifierType.EMAIL, IdentifierType.NAME, IdentifierType.DATE, IdentifierType.POSTCODE);
    }

    @Test
    void whenIdentifiersOverlapThenTheLongerWinsAndFindingsNeverOverlap() {
        ScrubResult result = scrubber.scrub("See https://x.example/u/daniel@mail.example/07700900461 now.",
                new ScrubProfile(List.of("Daniel"), true, Optional.empty()));

        assertThat(result.text()).isEqualTo("See [URL] now.");
        assertThat(result.findings()).hasSize(1);
    }

    @Test
    void whenFindingsAreCountedThenSummaryHoldsTypesAndNumbersOnly() {
        ScrubResult result = scrubber.scrub(TEXT, new ScrubProfile(List.of("Daniel"), true, Optional.empty()));

        assertThat(result.counts()).isEqualTo(Map.of(IdentifierType.NAME, 2, IdentifierType.PHONE, 1, IdentifierType.EMAIL, 1,
                IdentifierType.DATE, 1, IdentifierType.POSTCODE, 1));
        assertThat(result.summary()).isEqualTo("POSTCODE=1,PHONE=1,EMAIL=1,DATE=1,NAME=2");
    }

    @Test
    void whenNameDetectionIsOffThenOnlyRecordNamesAreReplaced() {
        ScrubResult result = scrubber.scrub(TEXT, new ScrubProfile(List.of("Daniel"), false, Optional.empty()));

        assertThat(result.text()).startsWith("[NAME] (").contains("Mr Patel");
    }

    @Test
    void whenTextHoldsNothingPersonalThenItIsReturnedUnchanged() {
        String text = "The seminar in room 2.14 cost £1,250 in 2024 and ran 10:00-11:30 for module CS2041.";

        ScrubResult result = scrubber.scrub(text, new ScrubProfile(List.of(), true, Optional.empty()));

        assertThat(result.text()).isEqualTo(text);
        assertThat(result.findings()).isEmpty();
        assertThat(result.summary()).isEmpty();
    }

    @Test
    void whenPlaceholderLabelIsReadBackThenItNamesTheSameType() {
        for (IdentifierType type : IdentifierType.values()) {
            assertThat(IdentifierType.fromLabel(type.label())).isEqualTo(type);
            assertThat(type.placeholder()).isEqualTo("[" + type.label() + "]");
        }
    }
}
