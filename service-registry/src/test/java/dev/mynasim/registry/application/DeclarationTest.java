package dev.mynasim.registry.application;

import static dev.mynasim.registry.RuleViolations.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class DeclarationTest {

    @ParameterizedTest
    @CsvSource({"skip-feature, SKIP_FEATURE", "production-grouping, PRODUCTION_GROUPING"})
    void declarationIsFoundByItsCode(String code, Declaration expected) {
        assertThat(Declaration.fromCode(code)).isEqualTo(expected);
        assertThat(expected.code()).isEqualTo(code);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"SKIP_FEATURE", "skip_feature", "grouping", "test-grouping", "skip-feature "})
    void unknownDeclarationIsRefused(String code) {
        assertInvalid(() -> Declaration.fromCode(code), "declaration", "declaration-unknown");
    }
}
