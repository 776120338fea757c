package dev.mynasim.adapters.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mynasim.adapters.data.DataRefused;
import dev.mynasim.registry.api.ClientId;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** DESIGN.md 5A: the telegram id as public client code builds it, owned by the calling API user. */
class TelegramsTest {

    private static final ClientId CLIENT = ClientId.parse("SP00000001_AA0001");

    private static JsonObject header(String telegramId) {
        return Json.createObjectBuilder().add("telegramId", telegramId).build();
    }

    @Test
    void aWellFormedIdOfTheCallersApiUserIsAccepted() {
        assertThat(Telegrams.telegramId(header("TL-00000001-261127093000-0001"), CLIENT))
                .isEqualTo("TL-00000001-261127093000-0001");
    }

    @ParameterizedTest
    @ValueSource(strings = {"TL-0000001-261127093000-0001", "TL-00000001-2611270930-0001", "XX-00000001-261127093000-0001",
            "TL-00000001-261327093000-0001", "TL-00000001-261131093000-0001", "TL-00000001-261127253000-0001",
            "TL-00000001-261127093000-001", " TL-00000001-261127093000-0001"})
    void malformedIdsAndImpossibleTimeStampsAreRefused(String id) {
        assertThatThrownBy(() -> Telegrams.telegramId(header(id), CLIENT))
                .isInstanceOfSatisfying(DataRefused.class, e -> {
                    assertThat(e.errorCode()).isEqualTo("ETL0002");
                    assertThat(e.status()).isEqualTo(400);
                });
    }

    @Test
    void anIdNamingAnotherApiUserIsRefused() {
        assertThatThrownBy(() -> Telegrams.telegramId(header("TL-00000002-261127093000-0001"), CLIENT))
                .isInstanceOfSatisfying(DataRefused.class, e -> assertThat(e.getMessage()).contains("00000002"));
    }

    @Test
    void aMissingHeaderOrANonStringMemberIsAMalformedTelegram() {
        assertThatThrownBy(() -> Telegrams.commonHeader(Json.createObjectBuilder().add("commonHeader", "x").build()))
                .isInstanceOfSatisfying(DataRefused.class, e -> assertThat(e.errorCode()).isEqualTo("ETL0001"));
        JsonObject numeric = Json.createObjectBuilder().add("telegramType", 301).build();
        assertThatThrownBy(() -> Telegrams.text(numeric, "telegramType"))
                .isInstanceOfSatisfying(DataRefused.class, e -> assertThat(e.errorCode()).isEqualTo("ETL0001"));
        assertThat(Telegrams.text(Json.createObjectBuilder().add("mode", " ").build(), "mode")).isEmpty();
    }
}
