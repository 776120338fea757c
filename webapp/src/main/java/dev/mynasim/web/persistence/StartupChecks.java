package dev.mynasim.web.persistence;

import dev.mynasim.registry.api.ServerMode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses to start on configuration that would be unsafe or cannot work: in production mode a default secret or
 * password (the client CA's included), and a datasource class that does not fit the database URL.
 */
@ApplicationScoped
public class StartupChecks {

    /** The default of {@code mynasim.admin.bootstrap-password}; production mode refuses it. */
    public static final String DEFAULT_BOOTSTRAP_PASSWORD = "mynasim-operator";

    /** The default of {@code mynasim.server.key}; production mode refuses it. */
    public static final String DEFAULT_SERVER_KEY = "bXluYXNpbS1kZXYtc2VydmVyLWtleS1ub3QtYS1zZWNyZXQtMDAwMDAwMDA=";

    /** The default of {@code mynasim.tls.client-ca.password}; production mode refuses it. */
    public static final String DEFAULT_CLIENT_CA_PASSWORD = "mynasim-client-ca";

    private static final Logger LOG = Logger.getLogger(StartupChecks.class.getName());

    @Inject
    @ConfigProperty(name = "mynasim.server.mode", defaultValue = "dev")
    String mode;

    @Inject
    @ConfigProperty(name = "mynasim.admin.bootstrap-password", defaultValue = DEFAULT_BOOTSTRAP_PASSWORD)
    String bootstrapPassword;

    @Inject
    @ConfigProperty(name = "mynasim.server.key")
    String serverKey;

    @Inject
    @ConfigProperty(name = "mynasim.tls.client-ca.password", defaultValue = DEFAULT_CLIENT_CA_PASSWORD)
    String clientCaPassword;

    @Inject
    @ConfigProperty(name = "mynasim.db.url")
    String dbUrl;

    /** Only whether it was set matters here: production refuses an explicit true. */
    @Inject
    @ConfigProperty(name = "mynasim.demo-data")
    java.util.Optional<Boolean> demoData;

    @Inject
    dev.mynasim.registry.api.ConsoleLogin logins;

    @Inject
    @ConfigProperty(name = "mynasim.db.class")
    String dbClass;

    void run() {
        ServerMode serverMode = ServerMode.parse(mode);
        List<String> problems = new ArrayList<>(problems(serverMode, bootstrapPassword, serverKey, dbUrl, dbClass));
        problems.addAll(tlsProblems(serverMode, clientCaPassword));
        problems.addAll(demoDataProblems(serverMode, demoData));
        if (!problems.isEmpty()) {
            refuse(String.join("; and ", problems));
        }
        LOG.info(() -> "mynasim starting in " + serverMode.name().toLowerCase() + " mode");
    }

    /** What is wrong with this configuration, in words an operator can act on; empty when it may start. */
    static List<String> problems(ServerMode mode, String bootstrapPassword, String serverKey, String dbUrl,
                                 String dbClass) {
        List<String> problems = new ArrayList<>();
        if (mode == ServerMode.PRODUCTION && DEFAULT_SERVER_KEY.equals(serverKey.trim())) {
            problems.add("mynasim.server.mode=production refuses the default server key: set mynasim.server.key "
                    + "(MYNASIM_SERVER_KEY) to 32 random bytes, base64 (openssl rand -base64 32)");
        }
        if (mode == ServerMode.PRODUCTION && DEFAULT_BOOTSTRAP_PASSWORD.equals(bootstrapPassword)) {
            problems.add("mynasim.server.mode=production refuses the default operator password: set "
                    + "mynasim.admin.bootstrap-password (MYNASIM_ADMIN_BOOTSTRAP_PASSWORD) to a secret of your own");
        }
        boolean postgres = dbUrl.startsWith("jdbc:postgresql:");
        boolean h2 = dbUrl.startsWith("jdbc:h2:");
        boolean h2Class = dbClass.startsWith("org.h2.") || dbClass.equals(H2LocalDataSource.class.getName());
        if (postgres != dbClass.startsWith("org.postgresql.") || h2 != h2Class) {
            problems.add("mynasim.db.class " + dbClass + " does not fit mynasim.db.url " + dbUrl
                    + ": use org.postgresql.ds.PGSimpleDataSource for PostgreSQL, " + H2LocalDataSource.class.getName()
                    + " for H2");
        }
        return problems;
    }

    /** Production never loads demo data: an explicit {@code mynasim.demo-data=true} is a mistake to stop at. */
    static List<String> demoDataProblems(ServerMode mode, java.util.Optional<Boolean> demoData) {
        if (mode == ServerMode.PRODUCTION && demoData.orElse(false)) {
            return List.of("mynasim.server.mode=production never loads demo data: remove mynasim.demo-data=true "
                    + "(MYNASIM_DEMO_DATA); production mode loads none by default");
        }
        return List.of();
    }

    /**
     * After the schema is ready and before any demo data would load: in production mode, no console account of the
     * demo data may still accept its published password (a database first used in dev mode), or anyone who read the
     * README could sign in as an API user.
     */
    void refuseDemoPasswords(@jakarta.enterprise.event.Observes @jakarta.annotation.Priority(100)
                             dev.mynasim.registry.api.SchemaMigrated migrated) {
        if (ServerMode.parse(mode) != ServerMode.PRODUCTION) {
            return;
        }
        List<String> accepted = dev.mynasim.registry.api.DemoAccounts.PASSWORDS.entrySet().stream()
                .filter(e -> logins.authenticate(e.getKey(), e.getValue()).isPresent()).map(java.util.Map.Entry::getKey)
                .sorted().toList();
        if (!accepted.isEmpty()) {
            refuse("mynasim.server.mode=production refuses the demo console accounts' published passwords, which "
                    + String.join(", ", accepted) + " still accept: change them (PUT /admin/api/accounts/{username}/password "
                    + "in dev mode) or remove the accounts, or use a database of its own for production");
        }
    }

    /** The client CA's key file is protected by its password: production mode refuses the default one. */
    static List<String> tlsProblems(ServerMode mode, String clientCaPassword) {
        if (mode == ServerMode.PRODUCTION && DEFAULT_CLIENT_CA_PASSWORD.equals(clientCaPassword)) {
            return List.of("mynasim.server.mode=production refuses the default password of the client CA's key file: "
                    + "set mynasim.tls.client-ca.password (MYNASIM_TLS_CLIENT_CA_PASSWORD) to a secret of your own "
                    + "before the client CA is first created");
        }
        return List.of();
    }

    /**
     * Stops the whole server, not only this deployment: a simulator left running without its application would
     * answer 404 everywhere and hide the reason.
     */
    private static void refuse(String reason) {
        LOG.severe("mynasim refuses to start: " + reason);
        System.err.println("mynasim refuses to start: " + reason);
        Runtime.getRuntime().halt(78);
    }
}
