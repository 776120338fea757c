package dev.mynasim.registry.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ServerModeTest {

    @ParameterizedTest
    @CsvSource({
            "dev,        DEV",
            "DEV,        DEV",
            "production, PRODUCTION",
            "Production, PRODUCTION"
    })
    void serverModeIsDevOrProductionInAnyCase(String value, ServerMode expected) {
        assertThat(ServerMode.parse(value)).isEqualTo(expected);
    }

    /** A mistyped mode must stop the start-up, never fall back to dev and its movable clock. */
    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"prod", "development", "test", " dev", "sandbox"})
    void unknownServerModeStopsTheStartUpNamingTheSetting(String value) {
        assertThatIllegalArgumentException().isThrownBy(() -> ServerMode.parse(value))
                .withMessageContaining("mynasim.server.mode")
                .withMessageContaining(String.valueOf(value));
    }
}
