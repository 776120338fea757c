package dev.mynasim.web.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mynasim.registry.api.ServerMode;
import org.junit.jupiter.api.Test;

class StartupChecksTest {

    private static final String H2_URL = "jdbc:h2:file:./data/mynasim";
    private static final String H2 = "org.h2.jdbcx.JdbcDataSource";
    private static final String PG_URL = "jdbc:postgresql://127.0.0.1:5432/test";
    private static final String PG = "org.postgresql.ds.PGSimpleDataSource";

    @Test
    void devModeStartsWithTheDefaultPassword() {
        assertThat(StartupChecks.problems(ServerMode.DEV, StartupChecks.DEFAULT_BOOTSTRAP_PASSWORD, H2_URL, H2)).isEmpty();
    }

    @Test
    void productionModeRefusesTheDefaultPasswordAndSaysWhichKeyToSet() {
        assertThat(StartupChecks.problems(ServerMode.PRODUCTION, StartupChecks.DEFAULT_BOOTSTRAP_PASSWORD, PG_URL, PG))
                .singleElement().asString().contains("mynasim.admin.bootstrap-password", "MYNASIM_ADMIN_BOOTSTRAP_PASSWORD");
    }

    @Test
    void productionModeStartsWithAPasswordOfItsOwn() {
        assertThat(StartupChecks.problems(ServerMode.PRODUCTION, "a-long-secret-of-the-operator", PG_URL, PG)).isEmpty();
    }

    @Test
    void aDatasourceClassThatDoesNotFitTheUrlIsRefused() {
        assertThat(StartupChecks.problems(ServerMode.DEV, "x", PG_URL, H2)).singleElement().asString()
                .contains("org.postgresql.ds.PGSimpleDataSource");
        assertThat(StartupChecks.problems(ServerMode.DEV, "x", H2_URL, PG)).hasSize(1);
    }
}
