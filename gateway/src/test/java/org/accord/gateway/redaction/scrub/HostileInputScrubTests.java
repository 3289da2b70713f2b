package org.accord.gateway.redaction.scrub;

import static org.accord.gateway.redaction.scrub.ScrubAssertions.SCRUBBER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/**
 * Inputs shaped to make a backtracking matcher work hard, about 200 KB each (with the limit raised for the purpose),
 * plus the limit itself. These check the output is right; how long they take is the benchmark's business.
 */
class HostileInputScrubTests {

    static final int SIZE = 200_000;
    static final TextScrubber LARGE = new TextScrubber(DictionaryNameDetector.ukNames(), 4 * SIZE);
    static final ScrubProfile EVERYTHING = new ScrubProfile(List.of("Daniel Okafor", "Aisha"), true,
            Optional.of(StudentNumberPattern.compile("NB[0-9]{8}")));

    static ScrubResult scrub(String text) {
        return LARGE.scrub(text, EVERYTHING);
    }

    @Test
    void whenTextIsOneLongRunOfEmailCharactersWithoutAnAtSignThenItIsUnchanged() {
        String text = "a.".repeat(SIZE / 2);
        assertThat(scrub(text).text()).isEqualTo(text);
    }

    @Test
    void whenTextRepeatsAlmostEmailsThenNoneIsReplaced() {
        String text = "x@y.".repeat(SIZE / 4);
        assertThat(scrub(text).findings()).allSatisfy(f -> assertThat(f.type()).isNotEqualTo(IdentifierType.EMAIL));
    }

    @Test
    void whenTextIsAVeryLongDomainThenTheMailboxIsReplacedAnyway() {
        String text = "daniel@" + "b.".repeat(SIZE / 2) + "com";
        assertThat(scrub(text).text()).startsWith("[EMAIL].").doesNotContain("daniel").doesNotContain("@");
    }

    @Test
    void whenTextRepeatsSpelledOutAtsAndDotsThenOnlyWholeAddressesCount() {
        String text = "a dot b at c dot ".repeat(SIZE / 16);
        assertThat(scrub(text).findings()).allSatisfy(f -> assertThat(f.type()).isNotEqualTo(IdentifierType.EMAIL));
        String spelled = "kasia dot nowak at gmail dot com and ".repeat(SIZE / 37);
        assertThat(scrub(spelled).text()).isEqualTo("[EMAIL] and ".repeat(SIZE / 37));
    }

    @Test
    void whenTextRepeatsPlatformWordsThenNoPlatformWordIsTakenForAHandle() {
        String text = "insta is username is telegram account ".repeat(SIZE / 39);
        assertThat(scrub(text).text()).isEqualTo(text);
    }

    @Test
    void whenTextIsSingleDigitsWithSpacesAndBracketsThenOnlyElevenDigitNumbersCount() {
        String text = "0 (7) 7-0.0 ".repeat(SIZE / 12);
        assertThat(scrub(text).findings()).allSatisfy(f -> assertThat(f.type()).isNotEqualTo(IdentifierType.PHONE));
    }

    @Test
    void whenTextIsOneLongRunOfCapitalisedNameWordsThenEveryNameIsReplaced() {
        String text = "Kwabena Ní Wiśniewska van ".repeat(SIZE / 26);
        assertThat(scrub(text).text()).doesNotContain("Kwabena").doesNotContain("Wiśniewska");
    }

    @Test
    void whenTextIsAllDigitsThenNoTenDigitOrPhoneMatchIsCarvedOutOfIt() {
        String text = "0".repeat(SIZE);
        assertThat(scrub(text).text()).isEqualTo(text);
    }

    @Test
    void whenTextIsDigitsSeparatedBySpacesThenOnlyWholeNumbersCount() {
        String text = "0 ".repeat(SIZE / 2);
        assertThat(scrub(text).text()).isEqualTo(text);
    }

    @Test
    void whenTextIsAnEndlessUrlThenItBecomesPlaceholdersWithNothingLeakingBetween() {
        String text = "https://" + "a/".repeat(SIZE / 2);
        String scrubbed = scrub(text).text();
        assertThat(scrubbed).doesNotContain("a/a/").contains("[URL]");
    }

    @Test
    void whenTextIsColonsAndHexThenNoIpAddressIsInvented() {
        String text = "a:".repeat(SIZE / 2);
        assertThat(scrub(text).findings()).noneMatch(f -> f.type() == IdentifierType.IP_ADDRESS);
    }

    @Test
    void whenTextIsCapitalisedWordsThenOnlyNamesAreReplaced() {
        String text = "Aisha Khan Monday ".repeat(SIZE / 18);
        String scrubbed = scrub(text).text();
        assertThat(scrubbed).doesNotContain("Aisha").doesNotContain("Khan").contains("Monday");
    }

    @Test
    void whenTextIsAtSignsAndUnderscoresThenNoHandleIsInvented() {
        String text = "@_".repeat(SIZE / 2);
        assertThat(scrub(text).text()).isEqualTo(text);
    }

    @Test
    void whenIdentifiersArePackedWithoutGapsThenEachIsReplaced() {
        String text = "07700 900461, AB123456C, M13 9PL; ".repeat(SIZE / 36);
        assertThat(scrub(text).text()).isEqualTo("[PHONE], [NI-NUMBER], [POSTCODE]; ".repeat(SIZE / 36));
    }

    @Test
    void whenTextIsOneCharacterOverTheLimitThenItIsRefusedWithTheLengths() {
        String text = "x".repeat(TextScrubber.DEFAULT_MAX_CHARS + 1);
        assertThatThrownBy(() -> SCRUBBER.scrub(text, EVERYTHING))
                .isInstanceOfSatisfying(TextTooLongException.class, e -> {
                    assertThat(e.length()).isEqualTo(TextScrubber.DEFAULT_MAX_CHARS + 1);
                    assertThat(e.maximum()).isEqualTo(TextScrubber.DEFAULT_MAX_CHARS);
                })
                .hasMessageNotContaining("xxx");
    }

    @Test
    void whenTextIsExactlyAtTheLimitThenItIsScrubbed() {
        String text = "x".repeat(TextScrubber.DEFAULT_MAX_CHARS - 11) + " AB123456C.";
        assertThat(text).hasSize(TextScrubber.DEFAULT_MAX_CHARS);
        assertThat(SCRUBBER.scrub(text, EVERYTHING).text()).endsWith(" [NI-NUMBER].");
    }
}
