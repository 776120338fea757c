package dev.mynasim.registry.api;

import static dev.mynasim.registry.RuleViolations.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class IsoInstantTest {

    @ParameterizedTest
    @CsvSource({
            "2026-04-01T00:00:00Z,           2026-04-01T00:00:00Z",
            "2026-04-01T00:00:00.123Z,       2026-04-01T00:00:00.123Z",
            "2026-04-01T09:00:00+09:00,      2026-04-01T00:00:00Z"
    })
    void isoInstantIsRead(String value, String expected) {
        assertThat(IsoInstant.parse("now", value)).isEqualTo(Instant.parse(expected));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\t"})
    void missingInstantReadsAsNull(String value) {
        assertThat(IsoInstant.parse("now", value)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "2026-04-01",               // a date
            "2026-04-01T00:00:00",      // no zone
            "2026-04-01 00:00:00Z",     // blank instead of T
            "2026-13-01T00:00:00Z",     // month 13
            "2026-04-31T00:00:00Z",     // April 31st
            "1775001600000",            // epoch milliseconds
            "tomorrow"
    })
    void malformedInstantIsRefusedNamingTheField(String value) {
        var violation = assertInvalid(() -> IsoInstant.parse("validUntil", value), "validUntil", "instant-format");

        assertThat(violation.messageJa()).contains("validUntil", value);
    }
}
