package dev.mynasim.web.persistence;

import dev.mynasim.registry.api.SchemaMigrated;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The one datasource, configured from MicroProfile Config, and the schema migration at start-up: one Flyway
 * history table and migration folder per module, run in the modules' dependency order. Bean-managed so
 * Flyway's own commits stay out of JTA.
 */
@DataSourceDefinition(
        name = Database.JNDI_NAME,
        className = "${MPCONFIG=mynasim.db.class}",
        url = "${MPCONFIG=mynasim.db.url}",
        user = "${MPCONFIG=mynasim.db.user}",
        password = "${MPCONFIG=mynasim.db.password}",
        minPoolSize = 0,
        maxPoolSize = 32,
        properties = {
            "fish.payara.is-connection-validation-required=true",
            "fish.payara.connection-validation-method=auto-commit",
            "fish.payara.fail-all-connections=true"
        })
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class Database {

    public static final String JNDI_NAME = "java:app/jdbc/mynasim";

    /** Module names in dependency order; each owns {@code db/migration/<module>} and {@code flyway_history_<module>}. */
    static final List<String> MODULES = List.of("registry", "auth", "adapters");

    private static final Logger LOG = Logger.getLogger(Database.class.getName());

    @Resource(lookup = JNDI_NAME)
    private DataSource dataSource;

    @Inject
    private StartupChecks startupChecks;

    @Inject
    private Event<SchemaMigrated> migrated;

    /**
     * The key of the PostgreSQL advisory lock that nodes of a cluster take, one after the other, for their start-up
     * writes: the migrations, and what the start-up observers create once (console accounts, demo data, the test CA,
     * signing keys). Two nodes started together on an empty schema otherwise both insert the demo data and one fails.
     */
    static final long STARTUP_LOCK = 0x6d796e6173696dL;

    @PostConstruct
    void migrate() {
        startupChecks.run();
        try (Connection lock = dataSource.getConnection()) {
            boolean postgres = lock.getMetaData().getDatabaseProductName().equals("PostgreSQL");
            if (postgres) {
                advisory(lock, "pg_advisory_lock");
            }
            try {
                migrateModules();
                migrated.fire(new SchemaMigrated());
            } finally {
                if (postgres) {
                    advisory(lock, "pg_advisory_unlock");
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the start-up lock could not be taken or released: " + e.getMessage(), e);
        }
    }

    private static void advisory(Connection connection, String function) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("select " + function + "(" + STARTUP_LOCK + ")");
        }
    }

    private void migrateModules() {
        for (String module : MODULES) {
            var result = Flyway.configure(getClass().getClassLoader())
                    .dataSource(dataSource)
                    .locations("classpath:db/migration/" + module)
                    .table("flyway_history_" + module)
                    // several history tables share one schema: every module starts at V1 (STACK.md)
                    .baselineOnMigrate(true)
                    .baselineVersion("0")
                    .failOnMissingLocations(false)
                    .load()
                    .migrate();
            LOG.info(() -> "Schema of module " + module + ": " + result.migrationsExecuted
                    + " migration(s) applied, now at version " + result.targetSchemaVersion);
        }
    }
}
