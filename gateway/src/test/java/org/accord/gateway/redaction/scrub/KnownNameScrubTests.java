package org.accord.gateway.redaction.scrub;

import static org.accord.gateway.redaction.scrub.ScrubAssertions.SCRUBBER;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class KnownNameScrubTests {

    static String scrub(String text, String... names) {
        return SCRUBBER.scrub(text, new ScrubProfile(List.of(names), false, Optional.empty())).text();
    }

    @Test
    void whenRecordNameAppearsInAnyCaseOrAsPossessiveThenItIsReplaced() {
        assertThat(scrub("DANIEL met daniel; Daniel's tutor and Daniel’s mum.", "Daniel"))
                .isEqualTo("[NAME] met [NAME]; [NAME]'s tutor and [NAME]’s mum.");
    }

    @Test
    void whenFullNameAppearsThenItBecomesOnePlaceholder() {
        assertThat(scrub("Daniel Okafor-Reyes and Okafor-Reyes and Reyes and Okafor.", "Daniel Okafor-Reyes"))
                .isEqualTo("[NAME] and [NAME] and [NAME] and [NAME].");
    }

    @Test
    void whenNameFieldHoldsOrganisationWordsThenThoseWordsAreKept() {
        assertThat(scrub("The counselling duty team met Mr Marsh.", "Counselling duty team", "Mr Helen Marsh"))
                .isEqualTo("The counselling duty team met Mr [NAME].");
    }

    @Test
    void whenNameIsPartOfALongerWordThenTheWordIsKept() {
        assertThat(scrub("Danielle and Daniels and Ali's Alibi.", "Daniel", "Ali"))
                .isEqualTo("Danielle and Daniels and [NAME]'s Alibi.");
    }

    @Test
    void whenRecordGivesNoNamesThenNoNamesAreReplaced() {
        assertThat(scrub("Daniel Okafor said hello.")).isEqualTo("Daniel Okafor said hello.");
    }
}
