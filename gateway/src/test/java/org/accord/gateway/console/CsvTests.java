package org.accord.gateway.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

class CsvTests {

    @Test
    void whenCellLooksLikeAFormulaThenSpreadsheetsShowItAsText() {
        assertThat(Csv.cell("=HYPERLINK(\"http://x\")")).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\")\"");
        assertThat(Csv.cell("+44")).isEqualTo("'+44");
        assertThat(Csv.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
    }

    @Test
    void whenCellsHoldSeparatorsOrNothingThenLineStaysOneRecord() {
        assertThat(Csv.line(Arrays.asList("a,b", null, "plain", "line\nbreak"))).isEqualTo("\"a,b\",,plain,\"line\nbreak\"\r\n");
    }
}
