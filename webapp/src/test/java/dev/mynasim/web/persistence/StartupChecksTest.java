package dev.mynasim.web.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mynasim.registry.api.ServerMode;
import org.junit.jupiter.api.Test;

class StartupChecksTest {

    private static final String H2_URL = "jdbc:h2:file:./data/mynasim";
    private static final String H2 = "dev.mynasim.web.persistence.H2LocalDataSource";
    private static final String PG_URL = "jdbc:postgresql://127.0.0.1:5432/test";
    private static final String PG = "org.postgresql.ds.PGSimpleDataSource";
    private static final String OWN_KEY = "q2V8m5Lx0nY0r8Jm3n3cI4kz3jv4xv9vQyqK7m1H8mA=";

    @Test
    void productionModeRefusesAnExplicitRequestForDemoDataAndSaysWhichKeyToRemove() {
        assertThat(StartupChecks.demoDataProblems(ServerMode.PRODUCTION, java.util.Optional.of(true)))
                .singleElement().asString().contains("mynasim.demo-data", "MYNASIM_DEMO_DATA");
        assertThat(StartupChecks.demoDataProblems(ServerMode.PRODUCTION, java.util.Optional.empty())).isEmpty();
        assertThat(StartupChecks.demoDataProblems(ServerMode.PRODUCTION, java.util.Optional.of(false))).isEmpty();
        assertThat(StartupChecks.demoDataProblems(ServerMode.DEV, java.util.Optional.of(true))).isEmpty();
    }

    @Test
    void productionModeNeverLoadsDemoDataWhateverTheSwitchSays() {
        assertThat(dev.mynasim.registry.api.DemoAccounts.load(true, "production")).isFalse();
        assertThat(dev.mynasim.registry.api.DemoAccounts.load(true, "dev")).isTrue();
        assertThat(dev.mynasim.registry.api.DemoAccounts.load(false, "dev")).isFalse();
    }

    @Test
    void devModeStartsWithTheDefaultPassword() {
        assertThat(StartupChecks.problems(ServerMode.DEV, StartupChecks.DEFAULT_BOOTSTRAP_PASSWORD, StartupChecks.DEFAULT_SERVER_KEY, H2_URL, H2)).isEmpty();
    }

    @Test
    void productionModeRefusesTheDefaultPasswordAndSaysWhichKeyToSet() {
        assertThat(StartupChecks.problems(ServerMode.PRODUCTION, StartupChecks.DEFAULT_BOOTSTRAP_PASSWORD, OWN_KEY, PG_URL, PG))
                .singleElement().asString().contains("mynasim.admin.bootstrap-password", "MYNASIM_ADMIN_BOOTSTRAP_PASSWORD");
    }

    @Test
    void productionModeRefusesTheDefaultServerKeyAndSaysHowToMakeOne() {
        assertThat(StartupChecks.problems(ServerMode.PRODUCTION, "a-long-secret-of-the-operator",
                StartupChecks.DEFAULT_SERVER_KEY, PG_URL, PG))
                .singleElement().asString().contains("mynasim.server.key", "openssl rand -base64 32");
    }

    @Test
    void productionModeStartsWithAPasswordOfItsOwn() {
        assertThat(StartupChecks.problems(ServerMode.PRODUCTION, "a-long-secret-of-the-operator", OWN_KEY, PG_URL, PG)).isEmpty();
    }

    @Test
    void aDatasourceClassThatDoesNotFitTheUrlIsRefused() {
        assertThat(StartupChecks.problems(ServerMode.DEV, "x", OWN_KEY, PG_URL, H2)).singleElement().asString()
                .contains("org.postgresql.ds.PGSimpleDataSource");
        assertThat(StartupChecks.problems(ServerMode.DEV, "x", OWN_KEY, H2_URL, PG)).hasSize(1);
    }

    @Test
    void productionModeRefusesTheDefaultPasswordOfTheClientCa() {
        assertThat(StartupChecks.tlsProblems(ServerMode.PRODUCTION, StartupChecks.DEFAULT_CLIENT_CA_PASSWORD))
                .singleElement().asString().contains("mynasim.tls.client-ca.password");
        assertThat(StartupChecks.tlsProblems(ServerMode.PRODUCTION, "an-operator-secret")).isEmpty();
        assertThat(StartupChecks.tlsProblems(ServerMode.DEV, StartupChecks.DEFAULT_CLIENT_CA_PASSWORD)).isEmpty();
    }
}
