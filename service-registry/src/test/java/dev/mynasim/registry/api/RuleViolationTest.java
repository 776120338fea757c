package dev.mynasim.registry.api;

import static dev.mynasim.registry.RuleViolations.assertInvalid;
import static dev.mynasim.registry.RuleViolations.assertViolation;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mynasim.registry.api.RuleViolation.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class RuleViolationTest {

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "\t\n", "\u3000"})
    void requiredFieldMustNotBeMissingOrBlank(String value) {
        var violation = assertInvalid(() -> RuleViolation.required("displayName", value), "displayName", "required");

        assertThat(violation.messageJa()).contains("displayName");
    }

    @Test
    void requiredFieldGivesBackItsValueUnchanged() {
        assertThat(RuleViolation.required("displayName", " お薬手帳 ")).isEqualTo(" お薬手帳 ");
    }

    @Test
    void requestWithoutBodyIsRefused() {
        assertInvalid(() -> RuleViolation.requireBody(null), "body", "body-required");
    }

    @Test
    void requestBodyIsGivenBackUnchanged() {
        List<String> body = List.of("a");

        assertThat(RuleViolation.requireBody(body)).isSameAs(body);
    }

    @Test
    void notFoundAnswersTheSameForAMissingAndForSomeoneElsesRecord() {
        var violation = assertViolation(() -> {
            throw RuleViolation.notFound("Web service", "SP00000002_AA0001");
        }, Kind.NOT_FOUND, null, "not-found");

        assertThat(violation.getMessage()).contains("SP00000002_AA0001");
    }

    @ParameterizedTest
    @CsvSource({"INVALID, 400", "FORBIDDEN, 403", "NOT_FOUND, 404", "CONFLICT, 409"})
    void eachKindOfViolationMapsToItsHttpStatus(Kind kind, int status) {
        assertThat(kind.status()).isEqualTo(status);
    }
}
