package org.accord.gateway.redaction.scrub;

import static org.accord.gateway.redaction.scrub.ScrubAssertions.identifiers;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DateScrubTests {

    @ParameterizedTest
    @ValueSource(strings = {"14/03/2006", "4/3/06", "14.03.2006", "14-03-2006", "2006-03-14", "14 March 2006", "14th March",
            "3rd of May", "1st Jan 2024", "March 14, 2006", "March 14th", "12/31/2024"})
    void whenDateIsWrittenInACommonWayThenItIsReplaced(String date) {
        assertThat(identifiers("Seen on " + date + " by staff.")).isEqualTo("Seen on [DATE] by staff.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024", "March 2024", "14:30", "2.14", "10.15am", "32/01/2024", "14/13/2024", "2024-13-01",
            "1.2.24", "may 3"})
    void whenNumberIsAYearTimeRoomOrImpossibleDateThenItIsLeftAlone(String notDate) {
        assertThat(identifiers("Noted " + notDate + " here.")).isEqualTo("Noted " + notDate + " here.");
    }
}
