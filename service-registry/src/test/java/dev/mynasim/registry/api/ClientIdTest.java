package dev.mynasim.registry.api;

import static dev.mynasim.registry.RuleViolations.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ClientIdTest {

    @Test
    void clientIdIsApiUserIdUnderscoreServiceId() {
        ClientId clientId = ClientId.parse("SP00000001_AB0001");

        assertThat(clientId.apiUser()).isEqualTo(new ApiUserId("SP00000001"));
        assertThat(clientId.service()).isEqualTo(new ServiceId("AB0001"));
        assertThat(clientId).hasToString("SP00000001_AB0001");
    }

    @Test
    void clientIdReadsBackWhatItWrites() {
        ClientId clientId = new ClientId(new ApiUserId("SP12345678"), new ServiceId("ZX9876"));

        assertThat(ClientId.parse(clientId.toString())).isEqualTo(clientId);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
            "SP00000001AB0001",     // no separator
            "SP00000001-AB0001",    // wrong separator, right length
            "SP00000001_AB001",     // 16 characters
            "SP00000001_AB00011",   // 18 characters
            "SP0000000_1AB0001",    // separator one place early
            "SP000000001_B0001",    // separator one place late
            "_SP00000001AB0001",    // separator first
            "SP00000001AB0001_",    // separator last
            "SP00000001__B0001",    // two separators
            "sp00000001_ab0001",    // lower case
            "XP00000001_AB0001",    // bad API user part
            "SP00000001_A00001",    // bad service part
            "SP00000001_AB000 ",    // trailing blank
            "AB0001_SP00000001",    // parts reversed
            "_"
    })
    void malformedClientIdIsRefused(String value) {
        assertInvalid(() -> ClientId.parse(value), "clientId", "client-id-format");
    }

    @Test
    void clientIdNeedsBothParts() {
        assertInvalid(() -> new ClientId(null, new ServiceId("AB0001")), "clientId", "client-id-format");
        assertInvalid(() -> new ClientId(new ApiUserId("SP00000001"), null), "clientId", "client-id-format");
    }
}
