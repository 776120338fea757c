package dev.mynasim.auth.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.mynasim.registry.api.RuleViolation;

class PinTest {

    @ParameterizedTest
    @ValueSource(strings = {"0000", "9999", "0420"})
    void fourAsciiDigitsAreAPin(String digits) {
        assertThat(new Pin(digits).value()).isEqualTo(digits);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "123", "12345", "12a4", "１２３４", "١٢٣٤", " 123", "12 4", "-123"})
    void anythingElseIsRefusedWithTheRuleAndAJapaneseMessage(String value) {
        assertThatThrownBy(() -> new Pin(value))
                .isInstanceOfSatisfying(RuleViolation.class, violation -> {
                    assertThat(violation.kind()).isEqualTo(RuleViolation.Kind.INVALID);
                    assertThat(violation.field()).isEqualTo("pin");
                    assertThat(violation.rule()).isEqualTo("pin-format");
                    assertThat(violation.getMessage()).isEqualTo("The PIN is 4 digits");
                    assertThat(violation.messageJa()).isEqualTo("暗証番号は数字 4 桁です");
                });
    }

    @Test
    void toStringNeverShowsTheDigits() {
        assertThat(new Pin("1234").toString()).isEqualTo("****");
        assertThat(String.valueOf(new Pin("5678"))).doesNotContain("5", "6", "7", "8");
    }
}
