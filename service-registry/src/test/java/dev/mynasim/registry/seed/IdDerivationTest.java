package dev.mynasim.registry.seed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mynasim.registry.api.SeededIds.Kind;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class IdDerivationTest {

    private static final String CLIENT = "SP00000001_AA0001";

    @Test
    void theSameSeedServiceKindAndCountGiveTheSameIdAndAnyChangeAnother() {
        String code = IdDerivation.derive("run-1", CLIENT, Kind.CODE, 1);

        assertThat(IdDerivation.derive("run-1", CLIENT, Kind.CODE, 1)).isEqualTo(code);
        Set<String> others = new HashSet<>(Set.of(code, IdDerivation.derive("run-2", CLIENT, Kind.CODE, 1),
                IdDerivation.derive("run-1", "SP00000001_AA0002", Kind.CODE, 1),
                IdDerivation.derive("run-1", CLIENT, Kind.CODE, 2)));
        assertThat(others).hasSize(4);
    }

    @Test
    void aCodeHasTheShapeOfARandomOneAndAProcessIdIsAVersion8Uuid() {
        assertThat(IdDerivation.derive("s", CLIENT, Kind.CODE, 7)).matches("[A-Za-z0-9_-]{43}");
        String processId = IdDerivation.derive("s", CLIENT, Kind.PROCESS_ID, 7);
        UUID uuid = UUID.fromString(processId);
        assertThat(uuid.version()).isEqualTo(8);
        assertThat(uuid.variant()).isEqualTo(2);
        assertThat(processId).hasSize(36).isNotEqualTo(IdDerivation.derive("s", CLIENT, Kind.PROCESS_ID, 8));
    }
}
