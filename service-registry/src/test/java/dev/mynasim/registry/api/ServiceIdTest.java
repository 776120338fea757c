package dev.mynasim.registry.api;

import static dev.mynasim.registry.RuleViolations.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ServiceIdTest {

    @ParameterizedTest
    @ValueSource(strings = {"AA0001", "ZZ9999", "XY0000"})
    void serviceIdIsTwoCapitalLettersFollowedByFourDigits(String value) {
        assertThat(new ServiceId(value)).hasToString(value).extracting(ServiceId::value).isEqualTo(value);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
            "aa0001",   // lower case
            "Aa0001",   // one lower-case letter
            "A00001",   // one letter
            "AAA001",   // three letters
            "AA001",    // three digits
            "AA00001",  // five digits
            "AA000X",   // a letter among the digits
            "0001AA",   // reversed
            "AA 0001",  // blank inside
            "AA0001 ",  // trailing blank
            "ＡＡ0001",  // full-width letters
            "ÄA0001"    // a capital letter outside A-Z
    })
    void malformedServiceIdIsRefused(String value) {
        assertInvalid(() -> new ServiceId(value), "serviceId", "service-id-format");
    }
}
