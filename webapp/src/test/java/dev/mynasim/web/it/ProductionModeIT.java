package dev.mynasim.web.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** In production mode the simulator refuses to start with the default operator password (a process of its own). */
@ExtendWith(SharedServer.class)
class ProductionModeIT {

    @Test
    void productionModeRefusesTheDefaultOperatorPassword(SharedServer.Server shared) throws Exception {
        var settings = shared.settings().isolated("production-mode");
        try (var server = SharedServer.Server.launchOnly(settings, List.of("-Dmynasim.server.mode=production"))) {
            boolean exited = server.process().waitFor(240, TimeUnit.SECONDS);

            assertThat(exited).as("the server should stop by itself").isTrue();
            assertThat(server.process().exitValue()).isEqualTo(78);
            assertThat(Files.readString(server.log()))
                    .contains("mynasim refuses to start", "mynasim.admin.bootstrap-password");
        }
    }
}
