package org.accord.gateway.redaction.scrub;

import static org.accord.gateway.redaction.scrub.ScrubAssertions.identifiers;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PostcodeScrubTests {

    @ParameterizedTest
    @ValueSource(strings = {"M13 9PL", "M139PL", "SW1A 1AA", "EC1V 9HX", "W1A 0AX", "B33 8TH", "CR2 6XH", "DN55 1PT",
            "NB4 7QX", "GIR 0AA", "m13 9pl", "ls2 9jt"})
    void whenPostcodeIsWellFormedThenItIsReplaced(String postcode) {
        assertThat(identifiers("Lives at " + postcode + ", near campus.")).isEqualTo("Lives at [POSTCODE], near campus.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"CS2041", "QA1 1AA", "VA1 1AA", "XA1 1AA", "AI1 1AA", "M13 9PC", "M13 9IL", "M13 9KO", "A1I 1AA",
            "M13 9P", "M1 9PLX", "m139pl"})
    void whenPostcodeBreaksAStructureRuleThenTextIsLeftAlone(String notPostcode) {
        assertThat(identifiers("Code " + notPostcode + " here.")).isEqualTo("Code " + notPostcode + " here.");
    }
}
