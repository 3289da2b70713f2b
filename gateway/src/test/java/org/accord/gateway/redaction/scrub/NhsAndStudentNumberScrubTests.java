package org.accord.gateway.redaction.scrub;

import static org.accord.gateway.redaction.scrub.ScrubAssertions.SCRUBBER;
import static org.accord.gateway.redaction.scrub.ScrubAssertions.identifiers;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NhsAndStudentNumberScrubTests {

    @ParameterizedTest
    @ValueSource(strings = {"943 476 5919", "9434765919", "943-476-5919", "401 023 2137"})
    void whenTenDigitsPassModulus11ThenTheyAreAnNhsNumber(String nhs) {
        assertThat(identifiers("Number " + nhs + " given.")).isEqualTo("Number [NHS-NUMBER] given.");
    }

    @Test
    void whenTenDigitsFailModulus11WithoutContextThenTheyAreLeftAlone() {
        assertThat(identifiers("Order 9434765918 shipped.")).isEqualTo("Order 9434765918 shipped.");
    }

    @Test
    void whenTenDigitsFailModulus11AfterNhsContextThenTheyAreStillAnNhsNumber() {
        assertThat(identifiers("NHS no. 943 476 5918 (as typed).")).isEqualTo("NHS no. [NHS-NUMBER] (as typed).");
    }

    @Test
    void whenTenDigitsFollowUcasContextThenTheyAreAStudentIdEvenIfTheyPassModulus11() {
        assertThat(identifiers("UCAS Personal ID 943-476-5919 confirmed.")).isEqualTo("UCAS Personal ID [STUDENT-ID] confirmed.");
    }

    @Test
    void whenUcasAndNhsNumbersShareASentenceThenTheNearestContextWordDecides() {
        assertThat(identifiers("UCAS ID 123 456 7890 and NHS number 943 476 5919."))
                .isEqualTo("UCAS ID [STUDENT-ID] and NHS number [NHS-NUMBER].");
    }

    @Test
    void whenContextWordIsInAnEarlierSentenceThenItDoesNotCount() {
        assertThat(identifiers("See the NHS letter. Order 9434765918 shipped.")).isEqualTo("See the NHS letter. Order 9434765918 shipped.");
    }

    @Test
    void whenThirteenOrSeventeenDigitsStandAloneThenTheyAreStudentIds() {
        assertThat(identifiers("HUSID 1234567890123, SID 12345678901234567.")).isEqualTo("HUSID [STUDENT-ID], SID [STUDENT-ID].");
    }

    @Test
    void whenAStudentNumberPatternCanStartWithPunctuationOrAnOptionalPartThenThoseNumbersAreFoundToo() {
        ScrubProfile profile = new ScrubProfile(List.of(), false, Optional.of(StudentNumberPattern.compile("[#/]?S?[0-9]{6}")));

        assertThat(SCRUBBER.scrub("Card #204093, S204094 and 204095; not X204096.", profile).text())
                .isEqualTo("Card [STUDENT-ID], [STUDENT-ID] and [STUDENT-ID]; not X204096.");
    }

    @Test
    void whenAgreementGivesAStudentNumberPatternThenMatchingNumbersAreStudentIds() {
        ScrubProfile profile = new ScrubProfile(List.of(), false, Optional.of(StudentNumberPattern.compile("NB[0-9]{8}")));

        assertThat(SCRUBBER.scrub("Student NB20240931 and XNB20240931 and NB202409.", profile).text())
                .isEqualTo("Student [STUDENT-ID] and XNB20240931 and NB202409.");
    }

    @Test
    void whenNineDigitsFollowPassportThenTheyAreAPassportNumberAndOtherwiseLeftAlone() {
        assertThat(identifiers("Passport no: 123456789. Invoice 123456789.")).isEqualTo("Passport no: [PASSPORT]. Invoice 123456789.");
    }

    @Test
    void whenDigitsArePartOfMoneyOrLongerRunsThenTheyAreLeftAlone() {
        assertThat(identifiers("Paid £9434765919 and 94347659191 and 1.9434765919.")).isEqualTo("Paid £9434765919 and 94347659191 and 1.9434765919.");
    }
}
