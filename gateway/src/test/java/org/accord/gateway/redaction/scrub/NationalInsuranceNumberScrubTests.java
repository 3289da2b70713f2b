package org.accord.gateway.redaction.scrub;

import static org.accord.gateway.redaction.scrub.ScrubAssertions.identifiers;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NationalInsuranceNumberScrubTests {

    @ParameterizedTest
    @ValueSource(strings = {"AB123456C", "AB 12 34 56 C", "JG 10 35 92 D", "ab123456a", "ab 12 34 56 a", "ZY999999B"})
    void whenNiNumberIsWellFormedThenItIsReplaced(String ni) {
        assertThat(identifiers("NI number " + ni + " on file.")).isEqualTo("NI number [NI-NUMBER] on file.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"DA123456C", "FA123456C", "IA123456C", "QA123456C", "UA123456C", "VA123456C",
            "AD123456C", "AF123456C", "AI123456C", "AO123456C", "AQ123456C", "AU123456C", "AV123456C",
            "BG123456C", "GB123456C", "KN123456C", "NK123456C", "NT123456C", "TN123456C", "ZZ123456C",
            "AB123456E", "AB 12 34 56 Z"})
    void whenPrefixOrSuffixIsNeverIssuedThenTextIsLeftAlone(String notNi) {
        assertThat(identifiers("Form shows " + notNi + " today.")).isEqualTo("Form shows " + notNi + " today.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"XAB123456C", "AB1234567C", "AB123456CD", "Ab 12 34 56 c"})
    void whenNiLikeStringRunsIntoOtherCharactersThenTextIsLeftAlone(String notNi) {
        assertThat(identifiers("ref " + notNi + ".")).isEqualTo("ref " + notNi + ".");
    }
}
