package dev.mynasim.registry.api;

import static dev.mynasim.registry.RuleViolations.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class EnvironmentTest {

    @ParameterizedTest
    @CsvSource({
            "test,       TEST",
            "TEST,       TEST",
            "Test,       TEST",
            "production, PRODUCTION",
            "PRODUCTION, PRODUCTION",
            "Production, PRODUCTION"
    })
    void environmentIsReadFromPathSegmentOrNameInAnyCase(String value, Environment expected) {
        assertThat(Environment.parse(value)).isEqualTo(expected);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"prod", "tst", "staging", " test", "test ", "/test", "本番"})
    void unknownEnvironmentIsRefused(String value) {
        assertInvalid(() -> Environment.parse(value), "environment", "environment-unknown");
    }

    @Test
    void eachEnvironmentHasItsOwnBasePathAndJapaneseLabel() {
        assertThat(Environment.TEST.path()).isEqualTo("test");
        assertThat(Environment.PRODUCTION.path()).isEqualTo("production");
        assertThat(Environment.TEST.labelJa()).isEqualTo("接続確認環境");
        assertThat(Environment.PRODUCTION.labelJa()).isEqualTo("本番");
    }
}
