package dev.mynasim.registry.api;

import static dev.mynasim.registry.RuleViolations.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class MynaApiTest {

    @ParameterizedTest
    @CsvSource({
            "self-info,         SELF_INFO",
            "medical-insurance, MEDICAL_INSURANCE",
            "notices,           NOTICES",
            "user-registration, USER_REGISTRATION",
            "attribute-linkage, ATTRIBUTE_LINKAGE"
    })
    void eachOfTheFiveApisIsFoundByItsCode(String code, MynaApi expected) {
        assertThat(MynaApi.fromCode(code)).isEqualTo(expected);
        assertThat(expected.code()).isEqualTo(code);
    }

    @Test
    void theSkipFeatureCoversExactlyFiveApis() {
        assertThat(MynaApi.values()).hasSize(5);
    }

    @ParameterizedTest
    @EnumSource(MynaApi.class)
    void everyApiHasAJapaneseName(MynaApi api) {
        assertThat(api.nameJa()).endsWith("API").matches(".*\\p{IsHan}.*");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"SELF_INFO", "Self-Info", "self_info", "selfinfo", "self-info ", "pharmacy"})
    void unknownApiCodeIsRefusedAndTheKnownCodesAreListed(String code) {
        var violation = assertInvalid(() -> MynaApi.fromCode(code), "apis", "api-unknown");

        assertThat(violation.messageJa()).contains("self-info", "attribute-linkage");
    }
}
