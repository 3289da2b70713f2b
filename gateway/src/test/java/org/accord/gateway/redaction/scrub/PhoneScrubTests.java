package org.accord.gateway.redaction.scrub;

import static org.accord.gateway.redaction.scrub.ScrubAssertions.identifiers;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneScrubTests {

    @ParameterizedTest
    @ValueSource(strings = {"07700 900461", "07700900461", "07700 900 461", "07700-900-461", "+44 7700 900461",
            "+447700900461", "+44 (0)7700 900461", "0044 7700 900461", "0161 496 0123", "01632 960000", "020 7946 0123",
            "(0161) 496 0123", "(01632) 960000", "0800 123 4567", "0300 123 4567"})
    void whenUkNumberHasTenNationalDigitsThenItIsReplaced(String phone) {
        assertThat(identifiers("Call " + phone + " today.")).isEqualTo("Call [PHONE] today.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"07700 90046", "07700 9004611", "0044 0700 900461", "06700 900461", "00700 900461",
            "07700  900461", "£07700900461", "07700 900461 1", "12/07700900461"})
    void whenNumberHasTheWrongLengthPrefixOrSpacingThenItIsLeftAlone(String notPhone) {
        assertThat(identifiers("Call " + notPhone + " today.")).isEqualTo("Call " + notPhone + " today.");
    }
}
