package org.accord.gateway.redaction.scrub;

import static org.accord.gateway.redaction.scrub.ScrubAssertions.withNames;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DictionaryNameDetectorTests {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "She met Aisha Khan twice.|She met [NAME] twice.",
            "She met Tom Whitlockson twice.|She met [NAME] twice.",
            "Spoke to Mr Patel and Dr. Oduya.|Spoke to Mr [NAME] and Dr. [NAME].",
            "A friend, Tegan Khan, called.|A friend, [NAME], called.",
            "Priya said so.|[NAME] said so.",
            "Grace Obi and Mark Evans came.|[NAME] and [NAME] came.",
            "Mohammed Ali Khan joined.|[NAME] joined."})
    void whenTextHoldsAPersonNameThenItIsReplaced(String text, String scrubbed) {
        assertThat(withNames(text)).isEqualTo(scrubbed);
    }

    @ParameterizedTest
    @ValueSource(strings = {"On Monday the Northbridge campus was closed.", "The Computer Science Society met in March.",
            "Will the Mark Scheme change?", "The Rose Garden vigil was in Manchester.", "Grace period ends in May.",
            "Student Services and the Islamic Society agreed.", "Victoria Park and Hope Street halls.",
            "The Channel panel met. Later Smith Square was busy.", "Module CS2041 in room 2.14 with Dean Studies."})
    void whenCapitalisedWordsAreNotPeopleThenTextIsLeftAlone(String text) {
        assertThat(withNames(text)).isEqualTo(text);
    }

    @Test
    void whenDetectorIsGivenOwnListsThenItUsesThem() {
        DictionaryNameDetector detector = new DictionaryNameDetector(Set.of("Zebedee"), Set.of(), Set.of(), Set.of(), Set.of());
        String text = "Zebedee left.";

        assertThat(detector.detect(text, Word.of(text))).containsExactly(new Finding(IdentifierType.NAME, 0, 7));
    }

    @Test
    void whenShippedListsAreLoadedThenTheyHoldSeveralHundredNames() {
        assertThat(DictionaryNameDetector.list("forenames.txt")).hasSizeGreaterThan(250);
        assertThat(DictionaryNameDetector.list("surnames.txt")).hasSizeGreaterThan(250);
        assertThat(List.of("monday", "march", "northbridge")).allSatisfy(word ->
                assertThat(DictionaryNameDetector.list("not-names.txt").stream().map(String::toLowerCase)).contains(word));
    }
}
