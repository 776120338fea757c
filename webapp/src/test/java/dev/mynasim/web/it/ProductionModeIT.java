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

    /**
     * A database first used in dev mode holds the demo console accounts with their published passwords: production
     * mode, with secrets of its own, refuses to start on it and names the accounts. The shared server's database is
     * such a database (H2 with AUTO_SERVER, or PostgreSQL); the refusal happens before anything is written.
     */
    @Test
    void productionModeRefusesADatabaseWhoseDemoAccountsKeepTheirPublishedPasswords(SharedServer.Server shared)
            throws Exception {
        var isolated = shared.settings().isolated("production-demo");
        var settings = new SharedServer.Settings(isolated.war(), isolated.payara(), isolated.workDir(),
                shared.settings().dbUrl(), shared.settings().dbUser(), shared.settings().dbPassword());
        try (var server = SharedServer.Server.launchOnly(settings, List.of("-Dmynasim.server.mode=production",
                "-Dmynasim.admin.bootstrap-password=an-operator-secret-of-its-own",
                "-Dmynasim.server.key=q2V8m5Lx0nY0r8Jm3n3cI4kz3jv4xv9vQyqK7m1H8mA=",
                "-Dmynasim.tls.client-ca.password=a-client-ca-secret-of-its-own"))) {
            boolean exited = server.process().waitFor(240, TimeUnit.SECONDS);

            assertThat(exited).as("the server should stop by itself").isTrue();
            assertThat(server.process().exitValue()).isEqualTo(78);
            assertThat(Files.readString(server.log()))
                    .contains("mynasim refuses to start", "demo console accounts", "sp00000001", "sp00000002");
        }
    }

    @Test
    void productionModeRefusesAnExplicitRequestForDemoData(SharedServer.Server shared) throws Exception {
        var settings = shared.settings().isolated("production-demo-data");
        try (var server = SharedServer.Server.launchOnly(settings, List.of("-Dmynasim.server.mode=production",
                "-Dmynasim.admin.bootstrap-password=an-operator-secret-of-its-own",
                "-Dmynasim.server.key=q2V8m5Lx0nY0r8Jm3n3cI4kz3jv4xv9vQyqK7m1H8mA=",
                "-Dmynasim.tls.client-ca.password=a-client-ca-secret-of-its-own", "-Dmynasim.demo-data=true"))) {
            boolean exited = server.process().waitFor(240, TimeUnit.SECONDS);

            assertThat(exited).isTrue();
            assertThat(server.process().exitValue()).isEqualTo(78);
            assertThat(Files.readString(server.log())).contains("mynasim refuses to start", "mynasim.demo-data");
        }
    }
}
