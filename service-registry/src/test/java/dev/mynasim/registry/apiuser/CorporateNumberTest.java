package dev.mynasim.registry.apiuser;

import static dev.mynasim.registry.RuleViolations.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class CorporateNumberTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "7000012050002",  // the National Tax Agency's own example
            "2010401000001",
            "4020001000002",
            "9000000000000",  // sum 0: check digit 9, never 0
            "9000000000009"   // sum 9: check digit 9 as well
    })
    void corporateNumberWithCorrectCheckDigitIsAccepted(String value) {
        assertThat(new CorporateNumber(value)).hasToString(value).extracting(CorporateNumber::value).isEqualTo(value);
    }

    @ParameterizedTest
    @CsvSource({
            "000012050002, 7",
            "010401000001, 2",
            "020001000002, 4",
            "000000000000, 9",
            "000000000001, 8",
            "000000000010, 7"
    })
    void checkDigitIsNineMinusTheWeightedSumModNine(String base, int expected) {
        assertThat(CorporateNumber.checkDigit(base)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({
            "1000012050002, 7",
            "8000012050002, 7",
            "2010401000002, 1",  // last digit changed: the expected check digit moves with it
            "0000000000000, 9",
            "3020001000002, 4"
    })
    void corporateNumberWithWrongCheckDigitIsRefusedNamingTheRightOne(String value, int expected) {
        var violation = assertInvalid(() -> new CorporateNumber(value), "corporateNumber",
                "corporate-number-check-digit");

        assertThat(violation.messageJa()).contains("正しくは " + expected);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
            "700001205000",     // 12 digits
            "70000120500021",   // 14 digits
            "7",
            "700001205000A",    // a letter
            "7000-12050002",    // a hyphen
            "7000012050002 ",   // trailing blank
            " 7000012050002",   // leading blank
            "７００００１２０５０００２", // full-width digits
            "+700001205000"
    })
    void corporateNumberThatIsNotThirteenDigitsIsRefused(String value) {
        assertInvalid(() -> new CorporateNumber(value), "corporateNumber", "corporate-number-format");
    }
}
