package dev.mynasim.auth.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParametersTest {

    static Map<String, List<String>> query(String... nameValues) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        for (int i = 0; i < nameValues.length; i += 2) {
            query.computeIfAbsent(nameValues[i], n -> new java.util.ArrayList<>()).add(nameValues[i + 1]);
        }
        return query;
    }

    @Test
    void aBlankOrAbsentParameterIsOmittedAndARequiredOneIsNamedInItsError() {
        assertThat(Parameters.single(query("state", "  "), "state")).isEmpty();
        assertThat(Parameters.single(query(), "state")).isEmpty();
        assertThat(Parameters.single(query("state", "s", "state", "t"), "state")).contains("s");
        assertThatThrownBy(() -> Parameters.required(query("code", ""), "code"))
                .isInstanceOf(OAuthError.class).hasMessage("code is required")
                .extracting(e -> ((OAuthError) e).error() + " " + ((OAuthError) e).status())
                .isEqualTo("invalid_request 400");
    }

    @Test
    void theFirstRepeatedParameterIsNamed() {
        assertThat(Parameters.repeated(query("a", "1", "b", "2", "b", "3"))).contains("b");
        assertThat(Parameters.repeated(query("a", "1", "b", "2"))).isEmpty();
    }

    @Test
    void maxAgeIsWholeSecondsOfAtMostNineDigits() {
        assertThat(Parameters.maxAge(query("max_age", "0"))).contains(0L);
        assertThat(Parameters.maxAge(query("max_age", "999999999"))).contains(999_999_999L);
        assertThat(Parameters.maxAge(query())).isEmpty();
        for (String bad : Arrays.asList("-1", "1.5", "1000000000", "ten")) {
            assertThatThrownBy(() -> Parameters.maxAge(query("max_age", bad))).as(bad)
                    .isInstanceOf(OAuthError.class).hasMessage("max_age must be a number of seconds");
        }
    }

    @Test
    void aHeadlessLoginHintNamesATwelveDigitCardSerial() {
        assertThat(Parameters.hintedCard("card:123456789012")).isEqualTo("123456789012");
        for (String bad : Arrays.asList("card:12345678901", "card:1234567890123", "123456789012", "card:abcdefghijkl")) {
            assertThatThrownBy(() -> Parameters.hintedCard(bad)).as(bad)
                    .isInstanceOf(OAuthError.class).hasMessage("login_hint must be card: and a 12-digit card serial");
        }
    }

    @Test
    void aClientIdIsParsedOrEmpty() {
        assertThat(Parameters.clientId("SP00000001_AA0001")).map(Object::toString).contains("SP00000001_AA0001");
        assertThat(Parameters.clientId("not a client")).isEmpty();
    }
}
