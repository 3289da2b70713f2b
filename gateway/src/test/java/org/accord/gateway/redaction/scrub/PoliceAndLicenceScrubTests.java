package org.accord.gateway.redaction.scrub;

import static org.accord.gateway.redaction.scrub.ScrubAssertions.identifiers;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PoliceAndLicenceScrubTests {

    static String pnc(int year, int serial, String yearText) {
        return yearText + "/" + serial + CheckDigits.pncCheckLetter(year, serial);
    }

    @Test
    void whenPncReferenceHasItsCheckLetterThenItIsReplaced() {
        String shortYear = pnc(19, 123456, "19");
        String longYear = pnc(2019, 1234567, "2019");

        assertThat(identifiers("Refs " + shortYear + " and " + longYear + ".")).isEqualTo("Refs [PNC-ID] and [PNC-ID].");
    }

    @Test
    void whenPncLikeReferenceHasAWrongCheckLetterThenOnlyPncContextMakesItOne() {
        char right = CheckDigits.pncCheckLetter(19, 123456);
        String wrong = "19/123456" + (right == 'A' ? 'B' : 'A');

        assertThat(identifiers("Room ref " + wrong + ".")).isEqualTo("Room ref " + wrong + ".");
        assertThat(identifiers("PNC ID " + wrong + ".")).isEqualTo("PNC ID [PNC-ID].");
    }

    @Test
    void whenDrivingLicenceHasAValidBirthMonthAndDayThenItIsReplaced() {
        assertThat(identifiers("Licence MORGA753116SM9IJ and MORGA 753116 SM9IJ, KHAN9862150A99XY."))
                .isEqualTo("Licence [DRIVING-LICENCE] and [DRIVING-LICENCE], [DRIVING-LICENCE].");
    }

    @Test
    void whenLicenceLikeStringHasAnImpossibleMonthOrNoLettersThenItIsLeftAlone() {
        String text = "Codes MORGA713116SM9IJ and 99999753116SM9IJ.";
        assertThat(identifiers(text)).isEqualTo(text);
    }
}
