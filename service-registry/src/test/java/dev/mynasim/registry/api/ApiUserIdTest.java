package dev.mynasim.registry.api;

import static dev.mynasim.registry.RuleViolations.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ApiUserIdTest {

    @Test
    void apiUserIdIsSpFollowedByEightDigits() {
        ApiUserId id = new ApiUserId("SP00000001");

        assertThat(id.value()).isEqualTo("SP00000001");
        assertThat(id).hasToString("SP00000001").isEqualTo(new ApiUserId("SP00000001"));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
            "SP",                // no digits
            "SP1234567",         // 7 digits
            "SP123456789",       // 9 digits
            "sp00000001",        // lower-case prefix
            "XP00000001",        // wrong prefix
            "00000001",          // no prefix
            "SP0000000A",        // a letter among the digits
            " SP00000001",       // leading blank
            "SP00000001 ",       // trailing blank
            "SP00000001\n",      // trailing line break
            "ＳＰ00000001",       // full-width prefix
            "SP０００００００１",   // full-width digits
            "SP00000001_AA0001"  // a whole client_id
    })
    void malformedApiUserIdIsRefused(String value) {
        assertInvalid(() -> new ApiUserId(value), "apiUserId", "api-user-id-format");
    }
}
