package dev.autopilot.reporting.incident;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** CSV fields: quoted when they must be, and never a formula. */
class IncidentCsvTest {

    @ParameterizedTest(name = "[{0}] -> [{1}]")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "plain                | plain",
            "a, b                 | `\"a, b\"`",
            "`say \"hi\"`         | `\"say \"\"hi\"\"\"`",
            "=HYPERLINK(\"x\")    | `\"'=HYPERLINK(\"\"x\"\")\"`",
            "@SUM(A1)             | '@SUM(A1)",
            "-5                   | -5",
            "+cmd                 | '+cmd",
    })
    void quotesAndDefusesFormulas(String value, String field) {
        assertThat(IncidentCsv.field(value)).isEqualTo(field);
    }
}
