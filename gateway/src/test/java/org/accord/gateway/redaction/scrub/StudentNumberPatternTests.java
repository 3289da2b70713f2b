package org.accord.gateway.redaction.scrub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class StudentNumberPatternTests {

    @ParameterizedTest
    @ValueSource(strings = {"NB[0-9]{8}", "[A-Z]{2}\\d{6,8}", "S\\d{7}[A-Z]?", "EM-[0-9]{4}-[0-9]{4}", "u[0-9]{7}"})
    void whenPatternIsBoundedThenItIsAccepted(String source) {
        assertThat(StudentNumberPattern.problemWith(source)).isNull();
        assertThat(StudentNumberPattern.compile(source).source()).isEqualTo(source);
    }

    @ParameterizedTest
    @CsvSource(delimiterString = " => ", value = {
            "NB[0-9]+ => may not use +",
            "NB.* => may not use *",
            "(NB|EM)[0-9]{8} => may not use (",
            "NB[0-9]{8,} => other than {n} or {n,m}",
            "NB[0-9]{1,99} => repeats more than 32",
            "NB[0-9]{8,2} => m < n",
            "NB[0-9 => unclosed character class",
            "NB\\1 => may only use the escapes",
            "NB(?=1) => may not use (",
            "^NB[0-9]{8}$ => may not use ^"})
    void whenPatternCouldRunUnboundedOrUsesGroupsThenItIsRefusedWithAReason(String source, String reason) {
        assertThat(StudentNumberPattern.problemWith(source)).contains(reason);
        assertThatThrownBy(() -> StudentNumberPattern.compile(source)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(reason);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 101})
    void whenPatternIsEmptyOrTooLongThenItIsRefused(int length) {
        assertThat(StudentNumberPattern.problemWith("N".repeat(length))).isNotNull();
    }
}
